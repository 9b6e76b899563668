package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.image.disk.MasterBootRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 386 PC boot code built from the tree: {@code mbr} (sector 0), {@code pbs} (the 9fat boot
 * sector, which loads 9bootfat) and {@code 9bootfat} (reads plan9.ini and the kernel). Checked here
 * so a wrong file fails before anything is written.
 */
public record BootLoaders(byte[] mbr, byte[] pbs, byte[] nineBootFat) {
    /** pbs reads 9bootfat into 0000:7C00 in one go, which limits it to about 33 KB. */
    static final int MAX_9BOOTFAT = 33 * 1024;

    public BootLoaders {
        if (mbr.length == 0 || mbr.length > MasterBootRecord.CODE_AREA) {
            throw bad("mbr", mbr.length + " bytes, expected 1.." + MasterBootRecord.CODE_AREA);
        }
        // pbs starts with a jump over the BPB (EB 58 90); anything else is not pbs
        if (pbs.length < 0x5A || pbs.length > 510 || (pbs[0] & 0xFF) != 0xEB) {
            throw bad("pbs", pbs.length + " bytes; expected a FAT boot sector of 90..510 bytes starting with a jump (EB)");
        }
        if (nineBootFat.length == 0 || nineBootFat.length > MAX_9BOOTFAT) {
            throw bad("9bootfat", nineBootFat.length + " bytes, expected 1.." + MAX_9BOOTFAT);
        }
    }

    /** Reads mbr, pbs and 9bootfat from a directory (the output of a 386 kernel build). */
    public static BootLoaders in(Path dir) {
        return new BootLoaders(read(dir, "mbr"), read(dir, "pbs"), read(dir, "9bootfat"));
    }

    /**
     * The UEFI loaders a tree's boot code build leaves in {@code dir} (sys/src/boot/efi), as 9fat files:
     * {@code efi/boot/bootx64.efi} and {@code efi/boot/bootia32.efi}; empty when the tree has none.
     */
    public static Map<String, byte[]> efi(Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String n : List.of("bootx64.efi", "bootia32.efi")) {
            if (Files.isRegularFile(dir.resolve(n))) out.put("efi/boot/" + n, read(dir, n));
        }
        return out;
    }

    private static byte[] read(Path dir, String name) {
        Path f = dir.resolve(name);
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw AntsException.badInput("boot loader " + f + " cannot be read (" + e.getMessage() + ")",
                    "build the 386 loaders first: ants kernel --arch 386 -o DIR");
        }
    }

    private static AntsException bad(String name, String why) {
        return AntsException.badInput("boot loader " + name + " is not usable: " + why,
                "rebuild the 386 loaders from the tree (ants kernel --arch 386)");
    }
}
