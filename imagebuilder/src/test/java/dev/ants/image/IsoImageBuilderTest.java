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
                List.of(), null, epoch, Compression.NONE, List.of(new ModelHint("pc-ide", "sdC0", false)), null);
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

    /** A 9front-like ISO: El Torito BIOS image, an appended ESP, cfg/plan9.ini, a kernel and a root file. */
    Path baseIso(boolean withPlan9Ini) throws Exception {
        Path st = Files.createDirectories(tmp.resolve("base-stage"));
        Files.createDirectories(st.resolve("386"));
        Files.createDirectories(st.resolve("amd64"));
        Files.createDirectories(st.resolve("lib"));
        Files.createDirectories(st.resolve("cfg"));
        if (withPlan9Ini) Files.writeString(st.resolve("cfg/plan9.ini"), "bootfile=/amd64/9pc64\nmouseport=ask\n");
        Files.write(st.resolve("386/9bootiso"), DiskImageBuilderTest.pattern(6660, 5));
        Files.writeString(st.resolve("amd64/9pc64"), "the release's kernel");
        Files.writeString(st.resolve("lib/keep"), "the release's root");
        Path esp = Files.write(tmp.resolve("esp.fat"), new byte[65536]);
        Path iso = tmp.resolve(withPlan9Ini ? "release.iso" : "not9front.iso");
        HostProcess.Result r = HostProcess.run(List.of("xorriso", "-as", "mkisofs", "-o", iso.toString(), "-R",
                "-b", "386/9bootiso", "-no-emul-boot", "-boot-load-size", "4", "-c", "386/boot.cat",
                "-append_partition", "2", "0xef", esp.toString(), st.toString()), Duration.ofMinutes(1));
        assertEquals(0, r.status(), r.output());
        return iso;
    }

    IsoImageBuilder.Spec withBase(Path base) throws Exception {
        IsoImageBuilder.Spec s = spec(1_700_000_000L);
        return new IsoImageBuilder.Spec(s.arch(), s.kernel(), s.bootCode(), s.efiLoaders(), s.settings(), null, s.epoch(),
                s.compression(), s.models(), base);
    }

    @Test
    void aBaseIsoKeepsItsRootAndBootAndTakesOurKernelAndPlan9Ini() throws Exception {
        assumeTrue(Mtools.has("xorriso"), "xorriso is not installed (apt-get install xorriso)");
        Path base = baseIso(true);
        String baseSum = Sha256.of(base);
        Path iso = tmp.resolve("ants.iso");
        var res = IsoImageBuilder.build(withBase(base), iso, Progress.SILENT);
        assertEquals(baseSum, Sha256.of(base), "the base is only read");
        assertEquals(new String(DiskImageBuilderTest.pattern(1_000_000, 7), java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(extract(iso, "/amd64/9pc64"), java.nio.charset.StandardCharsets.ISO_8859_1), "our kernel");
        String ini = new String(extract(iso, "/cfg/plan9.ini"));
        assertTrue(ini.contains("bootcmd=plan9rc") && ini.contains("cdboot=yes") && !ini.contains("mouseport=ask"), ini);
        assertEquals("the release's root", new String(extract(iso, "/lib/keep")));
        HostProcess.Result r = HostProcess.run(List.of("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain",
                "-report_system_area", "plain"), Duration.ofMinutes(1));
        assertTrue(r.output().matches("(?s).*El Torito img path :\\s+1\\s+/386/9bootiso.*"), r.output());
        assertTrue(r.output().matches("(?s).*MBR partition\\s+:\\s+2\\s+0x00\\s+0xef.*"), "the ESP is kept: " + r.output());
        // 9bootiso finds itself and the kernel by plain ISO 9660 names: no ";1", no trailing dot
        String bytes = new String(Files.readAllBytes(iso), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("9BOOTISO") && !bytes.contains("9BOOTISO.") && !bytes.contains("9BOOTISO;1"), "plain names");
        assertEquals("iso9660", res.contents().fs());
        assertEquals(base.toString(), res.contents().base());
        IsoImageBuilder.build(withBase(base), tmp.resolve("again.iso"), Progress.SILENT);
        assertEquals(Sha256.of(iso), Sha256.of(tmp.resolve("again.iso")), "one base, kernel and date: one ISO");
    }

    @Test
    void aBaseIsoWithoutPlan9IniIsBadInputAndWritesNothing() throws Exception {
        assumeTrue(Mtools.has("xorriso"), "xorriso is not installed (apt-get install xorriso)");
        Path iso = tmp.resolve("ants.iso");
        dev.ants.core.AntsException e = assertThrows(dev.ants.core.AntsException.class,
                () -> IsoImageBuilder.build(withBase(baseIso(false)), iso, Progress.SILENT));
        assertEquals(2, e.exitCode().code);
        assertTrue(e.getMessage().contains("is not a bootable 9front ISO: no /cfg/plan9.ini"), e.getMessage());
        assertFalse(Files.exists(iso));
        assertFalse(Files.exists(tmp.resolve("ants.iso.json")));
    }

    static byte[] extract(Path iso, String path) throws Exception {
        Path to = Files.createTempFile("ants-extract", "");
        Files.delete(to);
        HostProcess.Result r = HostProcess.run(List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", path,
                to.toString()), Duration.ofMinutes(1));
        assertEquals(0, r.status(), r.output());
        try {
            return Files.readAllBytes(to);
        } finally {
            Files.deleteIfExists(to);
        }
    }
}
