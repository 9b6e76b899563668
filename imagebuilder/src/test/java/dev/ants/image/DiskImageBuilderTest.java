package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.Json;
import dev.ants.core.host.HostProcess;
import dev.ants.core.progress.Progress;
import dev.ants.image.testutil.Mtools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Builds images from synthetic loader and kernel bytes (no 9front code) and reads them back: raw
 * sector fields, mtools on the 9fat at 2048*512, the manifest's sums, qcow2, and clean failure.
 */
class DiskImageBuilderTest {
    static final long SIZE = 128L << 20;
    static final long PART_OFFSET = 2048L * 512;

    @TempDir
    Path tmp;

    static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + seed);
        return b;
    }

    /** pbs-shaped: a jump over the BPB, zeros to 0x5A, then "code". */
    static byte[] fakePbs() {
        byte[] b = new byte[473];
        b[0] = (byte) 0xEB;
        b[1] = 0x58;
        b[2] = (byte) 0x90;
        System.arraycopy(pattern(473 - 0x5A, 5), 0, b, 0x5A, 473 - 0x5A);
        return b;
    }

    static BootLoaders fakeLoaders() {
        return new BootLoaders(pattern(407, 1), fakePbs(), pattern(8084, 9));
    }

    Path kernel(int bytes) throws Exception {
        Path k = tmp.resolve("9pc64");
        Files.write(k, pattern(bytes, 77));
        return k;
    }

    DiskImageSpec spec(ImageFormat format, List<String> settings) throws Exception {
        return new DiskImageSpec("amd64", kernel(1_500_000), fakeLoaders(), SIZE, format, settings,
                List.of(new ModelHint("pc-ide", "sdC0", false), new ModelHint("q35-uefi", "sdE0", true)));
    }

    static byte[] sector(Path img, long lba) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(img)) {
            ByteBuffer b = ByteBuffer.allocate(512);
            ch.read(b, lba * 512);
            return b.array();
        }
    }

    @Test
    void mbrHasCodeAndOneActivePlan9EntryFromLba2048ToTheEnd() throws Exception {
        Path img = tmp.resolve("disk.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, List.of()), img, Progress.SILENT);
        assertEquals(SIZE, Files.size(img));
        byte[] s = sector(img, 0);
        assertArrayEquals(pattern(407, 1), Arrays.copyOf(s, 407), "mbr code at 0");
        for (int i = 407; i < 0x1B8; i++) assertEquals(0, s[i], "code area padded with zeros at " + i);
        assertNotEquals(0, ByteBuffer.wrap(s, 0x1B8, 4).getInt(), "a disk signature derived from the inputs");
        for (int i = 0x1BC; i < 446; i++) assertEquals(0, s[i], "zero after the signature at " + i);
        ByteBuffer e = ByteBuffer.wrap(s, 0x1BE, 16).slice().order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x80, e.get(0) & 0xFF, "active");
        assertEquals(0x39, e.get(4) & 0xFF, "type PLAN9");
        assertEquals(2048, e.getInt(8), "start LBA");
        assertEquals(SIZE / 512 - 2048, e.getInt(12) & 0xFFFFFFFFL, "length to the end");
        // CHS of LBA 2048 with 255 heads / 63 sectors: c 0, h 32, s 33
        assertEquals(32, e.get(1) & 0xFF);
        assertEquals(33, e.get(2) & 0xFF);
        assertEquals(0, e.get(3) & 0xFF);
        for (int i = 0x1CE; i < 0x1FE; i++) assertEquals(0, s[i], "entries 2-4 are empty (mbr wants that), byte " + i);
        assertEquals(0x55, s[510] & 0xFF);
        assertEquals(0xAA, s[511] & 0xFF);
    }

    @Test
    void prepTableSitsInThePartitionsSecondSector() throws Exception {
        Path img = tmp.resolve("disk.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, List.of()), img, Progress.SILENT);
        byte[] s = sector(img, 2049);
        long end = SIZE / 512 - 2048;
        String want = "part 9fat 0 65536\npart nvram 65536 65537\npart fs 65537 " + end + "\n";
        assertEquals(want, new String(s, 0, want.length(), StandardCharsets.US_ASCII));
        for (int i = want.length(); i < 512; i++) assertEquals(0, s[i], "NUL padding at " + i);
    }

    @Test
    void nineFatBootSectorIsPbsWithOurBpb() throws Exception {
        Path img = tmp.resolve("disk.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, List.of()), img, Progress.SILENT);
        byte[] s = sector(img, 2048);
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xEB, s[0] & 0xFF);
        assertEquals(0x58, s[1] & 0xFF);
        assertEquals(512, b.getShort(0x0B));
        assertEquals(2, b.getShort(0x0E), "2 reserved sectors: the second is the prep table");
        assertEquals(2048, b.getInt(0x1C), "hidden sectors = the partition's LBA, which pbs needs");
        assertEquals("FAT16   ", new String(s, 0x36, 8, StandardCharsets.US_ASCII), "9bootfat looks for FAT at 0x36");
        assertArrayEquals(Arrays.copyOfRange(fakePbs(), 0x5A, 473), Arrays.copyOfRange(s, 0x5A, 473), "pbs code kept");
    }

    @Test
    void mtoolsReadsTheNineFatAtItsOffset() throws Exception {
        assumeTrue(Mtools.has("mdir"), "mtools is not installed (apt-get install mtools): skipping the cross-check");
        Path img = tmp.resolve("disk.img");
        DiskImageBuilder.build(spec(ImageFormat.RAW, List.of("*acpi=0")), img, Progress.SILENT);
        String at = img + "@@" + PART_OFFSET;
        String dir = Mtools.run("mdir", "-b", "-i", at, "::");
        assertTrue(dir.contains("9BOOTFAT") && dir.contains("PLAN9.INI") && dir.contains("9PC64"), dir);
        assertEquals("console=0\nbootfile=9pc64\nbootcmd=plan9rc\n*acpi=0\n", Mtools.run("mtype", "-i", at, "::plan9.ini"));
        Path back = tmp.resolve("back");
        Mtools.run("mcopy", "-i", at, "::9bootfat", back.toString());
        assertArrayEquals(pattern(8084, 9), Files.readAllBytes(back));
        Path k = tmp.resolve("kback");
        Mtools.run("mcopy", "-i", at, "::9pc64", k.toString());
        assertArrayEquals(pattern(1_500_000, 77), Files.readAllBytes(k));
    }

    @Test
    void manifestRecordsSumsLayoutPlan9IniAndHints() throws Exception {
        Path img = tmp.resolve("disk.img");
        DiskImageSpec spec = spec(ImageFormat.RAW, List.of());
        DiskImageBuilder.Result r = DiskImageBuilder.build(spec, img, Progress.SILENT);
        assertEquals(tmp.resolve("disk.img.json"), r.manifest());
        var m = Json.readTree(r.manifest());
        assertEquals(Sha256.of(img), m.at("/image/sha256").asText());
        assertEquals("raw", m.at("/image/format").asText());
        assertEquals(Sha256.of(pattern(407, 1)), m.at("/parts/mbr/sha256").asText());
        assertEquals(Sha256.of(fakePbs()), m.at("/parts/pbs/sha256").asText());
        assertEquals(Sha256.of(pattern(8084, 9)), m.at("/parts/9bootfat/sha256").asText());
        assertEquals(Sha256.of(pattern(1_500_000, 77)), m.at("/parts/9pc64/sha256").asText());
        assertEquals(Sha256.of(sector(img, 2049)), m.at("/parts/prep/sha256").asText());
        assertEquals(Sha256.of("console=0\nbootfile=9pc64\nbootcmd=plan9rc\n".getBytes(StandardCharsets.US_ASCII)),
                m.at("/parts/plan9.ini/sha256").asText());
        assertEquals("console=0\nbootfile=9pc64\nbootcmd=plan9rc\n", m.at("/plan9ini").asText());
        assertEquals(2048, m.at("/layout/partition/startLba").asLong());
        assertEquals(2049, m.at("/layout/prepTableLba").asLong());
        assertEquals(2048 + 65537, m.at("/layout/prep/2/startLba").asLong());
        assertEquals("sdC0", m.at("/hints/pc-ide/disk").asText());
        assertEquals("local!/dev/sdC0/fs", m.at("/hints/pc-ide/bootargs").asText());
        assertTrue(m.at("/hints/pc-ide/bootable").asBoolean());
        assertFalse(m.at("/hints/q35-uefi/bootable").asBoolean(), "no ESP: a UEFI model cannot boot it");
    }

    @Test
    void sameInputsGiveTheSameImage() throws Exception {
        DiskImageSpec s = spec(ImageFormat.RAW, List.of());
        DiskImageBuilder.build(s, tmp.resolve("a.img"), Progress.SILENT);
        DiskImageBuilder.build(s, tmp.resolve("b.img"), Progress.SILENT);
        assertEquals(Sha256.of(tmp.resolve("a.img")), Sha256.of(tmp.resolve("b.img")));
    }

    @Test
    void qcow2HoldsTheSameSectorsAsRaw() throws Exception {
        assumeTrue(Mtools.has("qemu-img"), "qemu-img is not installed (apt-get install qemu-utils)");
        DiskImageSpec raw = spec(ImageFormat.RAW, List.of());
        DiskImageBuilder.build(raw, tmp.resolve("r.img"), Progress.SILENT);
        DiskImageBuilder.Result q = DiskImageBuilder.build(spec(ImageFormat.QCOW2, List.of()), tmp.resolve("q.qcow2"),
                Progress.SILENT);
        var m = Json.readTree(q.manifest());
        assertEquals("qcow2", m.at("/image/format").asText());
        assertEquals(Sha256.of(tmp.resolve("r.img")), m.at("/image/rawSha256").asText());
        assertEquals(Sha256.of(q.image()), m.at("/image/sha256").asText());
        HostProcess.Result cmp = HostProcess.run(List.of("qemu-img", "compare", "-f", "raw", "-F", "qcow2",
                tmp.resolve("r.img").toString(), q.image().toString()), Duration.ofSeconds(60));
        assertEquals(0, cmp.status(), cmp.output());
        assertNoTemporaries();
    }

    @Test
    void aKernelTooBigForNineFatLeavesNothingBehind() throws Exception {
        DiskImageSpec s = new DiskImageSpec("amd64", kernel(40 << 20), fakeLoaders(), SIZE, ImageFormat.RAW,
                List.of(), List.of());
        Path img = tmp.resolve("disk.img");
        AntsException e = assertThrows(AntsException.class, () -> DiskImageBuilder.build(s, img, Progress.SILENT));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        assertFalse(Files.exists(img));
        assertFalse(Files.exists(tmp.resolve("disk.img.json")));
        assertNoTemporaries();
    }

    @Test
    void badSizesAndSettingsAreRefusedBeforeWriting() throws Exception {
        Path img = tmp.resolve("disk.img");
        DiskImageSpec small = new DiskImageSpec("amd64", kernel(1000), fakeLoaders(), 32L << 20, ImageFormat.RAW,
                List.of(), List.of());
        AntsException e = assertThrows(AntsException.class, () -> DiskImageBuilder.build(small, img, Progress.SILENT));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        DiskImageSpec odd = new DiskImageSpec("amd64", kernel(1000), fakeLoaders(), (64L << 20) + 100, ImageFormat.RAW,
                List.of(), List.of());
        assertEquals(ExitCode.BAD_INPUT, assertThrows(AntsException.class,
                () -> DiskImageBuilder.build(odd, img, Progress.SILENT)).exitCode());
        assertThrows(AntsException.class, () -> Plan9Ini.text("9pc64", List.of("bootfile=x")));
        assertThrows(AntsException.class, () -> Plan9Ini.text("9pc64", List.of("a b=c")));
        assertFalse(Files.exists(img));
        assertNoTemporaries();
    }

    /** Every image boots through plan9rc unless --set says otherwise (any other bootcmd boots 9front's way). */
    @Test
    void plan9IniStartsWithConsoleAndSetReplacesInPlace() {
        assertEquals("console=1\nbootfile=9pc\nbootcmd=plan9rc\n*acpi=0\n", Plan9Ini.text("9pc", List.of("*acpi=0", "console=1")));
        assertEquals("console=0\nbootfile=9pc\nbootcmd=9front\n", Plan9Ini.text("9pc", List.of("bootcmd=9front")));
    }

    /** As 9front's installer writes them: gefs boots with -A, cwfs from its cache partition. */
    @Test
    void theRootsBootargsCarryTheirFileServersFlags() {
        assertTrue(Plan9Ini.text("9pc64", RootFs.GEFS, List.of()).contains("\nbootargs=local!/dev/sdC0/fs -A\n"));
        assertTrue(Plan9Ini.text("9pc64", RootFs.HJFS, List.of()).contains("\nbootargs=local!/dev/sdC0/fs\n"));
        assertTrue(Plan9Ini.text("9pc64", RootFs.CWFS, List.of()).contains("\nbootargs=local!/dev/sdC0/fscache\n"));
        assertFalse(Plan9Ini.text("9pc64", RootFs.NONE, List.of()).contains("bootargs"));
        assertEquals("local!/dev/sdE0/fs -A", RootFs.GEFS.bootargs("sdE0"));
    }

    @Test
    void loadersOfTheWrongShapeAreRefused() {
        assertThrows(AntsException.class, () -> new BootLoaders(new byte[447], fakePbs(), pattern(10, 1)));
        assertThrows(AntsException.class, () -> new BootLoaders(pattern(400, 1), pattern(473, 1), pattern(10, 1)));
        assertThrows(AntsException.class, () -> new BootLoaders(pattern(400, 1), fakePbs(), new byte[40 * 1024]));
    }

    @Test
    void fileHashStreamsToTheSameDigestAsTheBytes() throws Exception {
        Path f = tmp.resolve("blob");
        Files.write(f, pattern(3_000_001, 3));
        assertEquals(Sha256.of(pattern(3_000_001, 3)), Sha256.of(f));
    }

    void assertNoTemporaries() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".ants-")).toList();
            assertEquals(List.of(), left, "temporary files left behind");
        }
    }


}
