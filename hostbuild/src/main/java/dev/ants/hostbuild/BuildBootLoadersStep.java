package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the PC boot code in sys/src/boot/pc (objtype=386, set by its mkfile): the master boot
 * record, the partition boot sector and the 9boot loaders the image builder writes to disks.
 */
final class BuildBootLoadersStep implements Step<Map<String, Path>> {
    static final String DIR = "sys/src/boot/pc";
    /** The loaders images need (9boothyb: the USB side of hybrid ISOs). */
    static final List<String> LOADERS = List.of("mbr", "pbs", "9bootfat", "9bootiso", "9bootpxe", "9boothyb");
    /** The UEFI loaders, from sys/src/boot/efi (when the tree has it). */
    static final String EFI_DIR = "sys/src/boot/efi";
    static final List<String> EFI_LOADERS = List.of("bootx64.efi", "bootia32.efi");

    private final Path tree;
    private final BuildRoot build;
    private final MkRunner mk;

    BuildBootLoadersStep(Path tree, BuildRoot build, MkRunner mk) {
        this.tree = tree;
        this.build = build;
        this.mk = mk;
    }

    @Override
    public String description() {
        return "build boot loaders";
    }

    @Override
    public Map<String, Path> run(Progress progress) throws Exception {
        List<String> targets = new ArrayList<>();
        for (String l : LOADERS) {
            if (BootUserland.targ(tree.resolve(DIR).resolve("mkfile")).contains(l)) targets.add(l);
        }
        mk.mk("/" + DIR, targets.toArray(String[]::new));
        Map<String, Path> out = new LinkedHashMap<>();
        for (String t : targets) {
            Path p = build.shadow(DIR).resolve(t);
            if (!Files.isRegularFile(p) || Files.size(p) == 0) {
                throw AntsException.environment("mk finished but boot loader " + t + " is missing", "see " + mk.log());
            }
            out.put(t, p);
        }
        if (Files.isRegularFile(tree.resolve(EFI_DIR).resolve("mkfile"))) {
            // UEFI loaders are an addition: without them images still boot through BIOS
            for (String t : EFI_LOADERS) {
                try {
                    mk.mk("/" + EFI_DIR, t);
                } catch (AntsException e) {
                    progress.note("UEFI loader " + t + " not built (images will boot through BIOS only): "
                            + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                Path p = build.shadow(EFI_DIR).resolve(t);
                if (Files.isRegularFile(p) && Files.size(p) > 0) out.put(t, p);
            }
        }
        return out;
    }
}
