package dev.ants.image.fat;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import dev.ants.image.testutil.Mtools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Checks our FAT16 writer against an independent reader, GNU mtools (and dosfsck when present). */
class FatVolumeTest {


    static Path image(Path dir, long sectors) throws Exception {
        Path img = dir.resolve("disk.img");
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.setLength(sectors * 512);
        }
        return img;
    }

    @Test
    void mtoolsReadsFilesAndDirectoriesWeWrote(@TempDir Path tmp) throws Exception {
        assumeTrue(Mtools.has("mdir"), "mtools is not installed (apt-get install mtools): skipping the cross-check");
        Path img = image(tmp, 65536);
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 7);
        new FatVolume(65536)
                .addFile("plan9.ini", "console=0\nbootfile=9pc64\n".getBytes(StandardCharsets.US_ASCII))
                .addFile("9pc64", big)
                .addFile("cfg/sub/deep.rc", "echo deep\n".getBytes(StandardCharsets.US_ASCII))
                .addFile("empty", new byte[0])
                .writeTo(img, 0);
        String root = Mtools.run("mdir", "-b", "-i", img.toString(), "::");
        assertTrue(root.contains("PLAN9.INI") && root.contains("9PC64") && root.contains("CFG"), root);
        assertEquals("console=0\nbootfile=9pc64\n", Mtools.run("mtype", "-i", img.toString(), "::plan9.ini"));
        assertEquals("echo deep\n", Mtools.run("mtype", "-i", img.toString(), "::cfg/sub/deep.rc"));
        assert9pc64AndClean(img, big, tmp);
    }

    @Test
    void writesAtAnOffsetInsideALargerImage(@TempDir Path tmp) throws Exception {
        assumeTrue(Mtools.has("mtype"), "mtools is not installed (apt-get install mtools): skipping the cross-check");
        Path img = image(tmp, 2048 + 16384);
        new FatVolume(16384).reservedSectors(2).hiddenSectors(2048)
                .addFile("a.txt", "hello".getBytes(StandardCharsets.US_ASCII)).writeTo(img, 2048L * 512);
        assertEquals("hello", Mtools.run("mtype", "-i", img + "@@" + (2048L * 512), "::a.txt"));
        byte[] first = new byte[512];
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "r")) {
            f.readFully(first);
        }
        assertArrayEquals(new byte[512], first, "bytes before the offset are untouched");
    }

    @Test
    void sameInputsGiveIdenticalImages(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        for (Path p : List.of(a, b)) {
            Files.createDirectories(p);
            new FatVolume(8192).addFile("x/y.rc", new byte[] {1, 2, 3}).writeTo(image(p, 8192), 0);
        }
        assertEquals(-1L, Files.mismatch(a.resolve("disk.img"), b.resolve("disk.img")));
    }

    @Test
    void filesAreContiguousForNineFrontsLoader(@TempDir Path tmp) throws Exception {
        // pbs reads 9bootfat's sectors one after another, never consulting the FAT.
        byte[] loader = new byte[9000];
        for (int i = 0; i < loader.length; i++) loader[i] = (byte) (i % 251);
        Path img = image(tmp, 8192);
        FatVolume v = new FatVolume(8192).addFile("9bootfat", loader).addFile("a", new byte[600]);
        v.writeTo(img, 0);
        FatVolume.Geometry g = v.geometry();
        byte[] all = Files.readAllBytes(img);
        int start = g.dataStart() * 512; // first file in name order gets cluster 2
        byte[] found = java.util.Arrays.copyOfRange(all, start, start + loader.length);
        assertArrayEquals(loader, found);
    }

    /** The 9fat's larger clusters: FAT16 still (by 9boot's count too), clean for fsck.fat, files intact. */
    @Test
    void largerClustersWhereAsked(@TempDir Path tmp) throws Exception {
        assertEquals(1, new FatVolume(65536).geometry().spc(), "by default the smallest cluster FAT16 allows");
        FatVolume v = new FatVolume(65536).reservedSectors(2).maxClusterSectors(8);
        FatVolume.Geometry g = v.geometry();
        assertEquals(8, g.spc());
        assertTrue(g.clusters() >= 0xff7 && g.clusters() <= 65524, "FAT16 by 9boot's count: " + g);
        assertEquals(16, new FatVolume(65536).maxClusterSectors(64).geometry().spc(), "the largest that stays FAT16");
        assumeTrue(Mtools.has("mtype"), "mtools is not installed (apt-get install mtools): skipping the cross-check");
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 13);
        Path img = image(tmp, 65536);
        v.addFile("9pc64", big).addFile("plan9.ini", "x=1\n".getBytes(StandardCharsets.US_ASCII)).writeTo(img, 0);
        assert9pc64AndClean(img, big, tmp);
    }

    @Test
    void badNamesAndOverfullVolumesAreRejected() {
        assertThrows(AntsException.class, () -> new FatVolume(8192).addFile("a-very-long-name.txt", new byte[1]));
        assertThrows(AntsException.class, () -> new FatVolume(100));
        AntsException full = assertThrows(AntsException.class,
                () -> new FatVolume(8192).addFile("big", new byte[5_000_000]).writeTo(Path.of("/nonexistent/x"), 0));
        assertTrue(full.getMessage().contains("do not fit"), full.getMessage());
    }

    @Test
    void bootCodeKeepsItsJumpAndGetsOurBpb(@TempDir Path tmp) throws Exception {
        byte[] pbs = new byte[473];
        pbs[0] = (byte) 0xEB;
        pbs[1] = 0x58;
        pbs[2] = (byte) 0x90;
        pbs[0x5A] = (byte) 0xFA; // cli: the first instruction after the jump
        Path img = image(tmp, 65536);
        new FatVolume(65536).reservedSectors(2).hiddenSectors(2048).bootCode(pbs).writeTo(img, 0);
        byte[] s = java.util.Arrays.copyOf(Files.readAllBytes(img), 512);
        assertEquals((byte) 0x58, s[1]);
        assertEquals((byte) 0xFA, s[0x5A]);
        assertEquals(2048, java.nio.ByteBuffer.wrap(s).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0x1C));
        assertEquals("FAT16   ", new String(s, 0x36, 8, StandardCharsets.US_ASCII));
        assertEquals(0x55, s[510] & 0xFF);
    }

    /** mtools reads 9pc64 back as written, and fsck.fat (when installed) finds nothing to fix. */
    private static void assert9pc64AndClean(Path img, byte[] want, Path tmp) throws Exception {
        Path back = tmp.resolve("back");
        Mtools.run("mcopy", "-i", img.toString(), "::9pc64", back.toString());
        assertArrayEquals(want, Files.readAllBytes(back));
        if (Mtools.has("fsck.fat")) {
            HostProcess.Result fsck = HostProcess.run(List.of("fsck.fat", "-n", img.toString()), Duration.ofSeconds(20));
            assertEquals(0, fsck.status(), fsck.output());
        }
    }
}
