package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.core.host.HostProcess;
import dev.ants.core.progress.Progress;
import dev.ants.image.testutil.Mtools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hybrid ISO from synthetic boot code, read back by xorriso itself: both El Torito entries (BIOS
 * no-emulation 9bootiso, UEFI FAT), the files, the MBR with 9front's code and the active FAT partition
 * whose BPB knows its LBA; two builds with one date are byte-identical.
 */
class IsoImageBuilderTest {
    @TempDir
    Path tmp;

    IsoImageBuilder.Spec spec(long epoch) throws Exception {
        Path code = Files.createDirectories(tmp.resolve("code"));
        Files.write(code.resolve("9bootiso"), DiskImageBuilderTest.pattern(6660, 2));
        Files.write(code.resolve("9boothyb"), DiskImageBuilderTest.pattern(8000, 4));
        Files.write(code.resolve("mbr"), DiskImageBuilderTest.pattern(407, 1));
        Files.write(code.resolve("pbs"), DiskImageBuilderTest.fakePbs());
        Path k = tmp.resolve("9pc64");
        Files.write(k, DiskImageBuilderTest.pattern(1_000_000, 7));
        return new IsoImageBuilder.Spec("amd64", k, code, Map.of("efi/boot/bootx64.efi", DiskImageBuilderTest.pattern(50_000, 9)),
                List.of(), null, epoch, Compression.NONE, List.of(new ModelHint("pc-ide", "sdC0", false)));
    }

    @Test
    void xorrisoReportsBiosAndUefiBootAndTheMbrBootsTheFatPartition() throws Exception {
        assumeTrue(Mtools.has("xorriso"), "xorriso is not installed (apt-get install xorriso)");
        Path iso = tmp.resolve("a.iso");
        IsoImageBuilder.build(spec(1_700_000_000L), iso, Progress.SILENT);
        HostProcess.Result r = HostProcess.run(List.of("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain",
                "-find", "/", "-type", "f"), Duration.ofMinutes(1));
        assertEquals(0, r.status(), r.output());
        String out = r.output();
        assertTrue(out.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none.*"), out);
        assertTrue(out.matches("(?s).*El Torito boot img :\\s+2\\s+UEFI\\s+y\\s+none.*"), out);
        assertTrue(out.contains("'/cfg/plan9.ini'") && out.contains("'/amd64/9pc64'") && out.contains("'/386/9bootiso'"), out);
        byte[] mbr = DiskImageBuilderTest.sector(iso, 0);
        assertArrayEquals(DiskImageBuilderTest.pattern(407, 1), java.util.Arrays.copyOf(mbr, 407), "9front's mbr code");
        int active = -1;
        for (int i = 0; i < 4; i++) {
            int st = mbr[446 + 16 * i] & 0xff;
            if (st == 0x80) active = i;
            else assertEquals(0, st, "every other entry inactive");
        }
        assertTrue(active >= 0, "one active entry");
        assertEquals(0xEF, mbr[446 + 16 * active + 4] & 0xff);
        long lba = java.nio.ByteBuffer.wrap(mbr, 446 + 16 * active + 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        byte[] bpb = DiskImageBuilderTest.sector(iso, lba);
        assertEquals(lba, java.nio.ByteBuffer.wrap(bpb, 0x1C, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
        assumeTrue(Mtools.has("mdir"), "mtools is not installed");
        String dir = Mtools.run("mdir", "-b", "-/", "-i", iso + "@@" + lba * 512, "::");
        assertTrue(dir.toUpperCase().contains("9BOOTFAT") && dir.toUpperCase().contains("BOOTX64.EFI"), dir);
    }

    @Test
    void twoIsosWithOneDateAreByteIdentical() throws Exception {
        assumeTrue(Mtools.has("xorriso"), "xorriso is not installed (apt-get install xorriso)");
        Path a = tmp.resolve("a.iso");
        Path b = tmp.resolve("b.iso");
        IsoImageBuilder.build(spec(1_700_000_000L), a, Progress.SILENT);
        IsoImageBuilder.build(spec(1_700_000_000L), b, Progress.SILENT);
        assertEquals(Sha256.of(a), Sha256.of(b));
    }
}
