package dev.ants.flash;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import dev.ants.flash.support.Host;
import dev.ants.flash.support.Loop;
import dev.ants.flash.support.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flashes onto real kernel block devices (loop devices over files), as root. */
class FlashLoopTest {
    static final long MIB = Span.MIB;
    static final long IMAGE = 40 * MIB;
    static final List<Span> DATA = List.of(new Span(0, 4096), new Span(5 * MIB + 512, 3 * MIB), new Span(33 * MIB, 100_000));

    @TempDir
    Path tmp;

    @BeforeEach
    void needLoopDevices() {
        Host.require("loop devices", "/usr/sbin/losetup", "/usr/bin/qemu-img");
    }

    @Test
    void rawImageReadsBackIdenticallyAndHolesAreZerosOverGarbage() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        try (Loop loop = Loop.create(tmp, 64 * MIB, true)) {
            FlashResult r = Flasher.flash(FlashRequest.local(img, loop.device()));
            assertArrayEquals(Files.readAllBytes(img), loop.read(0, (int) IMAGE), "device content = image content");
            byte[] hole = loop.read(10 * MIB, (int) (20 * MIB));
            assertTrue(allZero(hole), "a hole of the image reads back as zeros where the device held garbage");
            assertTrue(allZero(loop.read(63 * MIB, (int) MIB)), "the device's last MiB (a stale backup GPT) is zeroed");
            assertTrue(!allZero(loop.read(45 * MIB, (int) MIB)), "garbage beyond the image and before the last MiB is left alone");
            assertEquals("kernel", r.zeroing());
            assertEquals(2 * MIB + 4 * MIB, r.dataBytes(), "data runs rounded to MiB: [0,1) [5,9) [33,34)");
            assertTrue(r.verified());
            assertEquals(dataSha(img, r), r.dataSha256());
        }
    }

    @Test
    void regularFileWithForceUsesReadCompareSkip() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        Path target = tmp.resolve("target.img");
        byte[] garbage = new byte[(int) (48 * MIB)];
        new java.util.Random(1).nextBytes(garbage);
        Arrays.fill(garbage, (int) (20 * MIB), (int) (30 * MIB), (byte) 0);
        Files.write(target, garbage);
        AntsException e = assertThrows(AntsException.class, () -> Flasher.flash(FlashRequest.local(img, target.toString())));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(target), "refused without --force: untouched");

        FlashResult r = Flasher.flash(new FlashRequest(img, target.toString(), null, true, true, null, null));
        byte[] after = Files.readAllBytes(target);
        assertArrayEquals(Files.readAllBytes(img), Arrays.copyOf(after, (int) IMAGE));
        assertEquals("read-compare-skip", r.zeroing());
        assertTrue(r.zeroWritten() < IMAGE - 10 * MIB, "the chunks that already were zeros were not written: " + r.zeroWritten());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gz", "xz", "zst", "qcow2", "c.qcow2", "qcow2.zst"})
    void compressedAndQcow2ImagesAreWrittenIdentically(String kind) throws Exception {
        Path raw = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        Path img = switch (kind) {
            case "qcow2" -> TestImages.qcow2(raw, false);
            case "c.qcow2" -> TestImages.qcow2(raw, true);
            case "qcow2.zst" -> TestImages.compress(TestImages.qcow2(raw, false), "zst");
            default -> TestImages.compress(raw, kind);
        };
        List<Path> before = temporaries();
        try (Loop loop = Loop.create(tmp, 48 * MIB, true)) {
            FlashResult r = Flasher.flash(FlashRequest.local(img, loop.device()));
            assertArrayEquals(Files.readAllBytes(raw), loop.read(0, (int) IMAGE), kind + " written identically");
            assertEquals(IMAGE, r.imageBytes());
            assertTrue(r.format().contains(kind.replace("c.", "")), r.format());
        }
        assertEquals(before, temporaries(), "temporary files removed");
    }

    @Test
    void mountedDeviceIsRefusedAndItsFileSystemStaysIntact() throws Exception {
        Host.require("a file system to mount", "/usr/sbin/mkfs.ext4", "/usr/sbin/e2fsck");
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        Path mnt = Files.createDirectory(tmp.resolve("mnt"));
        try (Loop loop = Loop.create(tmp, 64 * MIB, false)) {
            Host.run("mkfs.ext4", "-q", "-F", loop.device());
            Host.run("mount", loop.device(), mnt.toString());
            try {
                Files.writeString(mnt.resolve("keep.txt"), "still here");
                AntsException e = assertThrows(AntsException.class, () -> Flasher.flash(FlashRequest.local(img, loop.device())));
                assertEquals(ExitCode.BAD_INPUT, e.exitCode());
                assertTrue(e.getMessage().contains("mounted at " + mnt), e.getMessage());
                assertTrue(e.hint().contains("umount " + mnt), e.hint());
            } finally {
                Host.run("umount", mnt.toString());
            }
            Host.run("e2fsck", "-f", "-n", loop.device());
            Host.run("mount", loop.device(), mnt.toString());
            try {
                assertEquals("still here", Files.readString(mnt.resolve("keep.txt")));
            } finally {
                Host.run("umount", mnt.toString());
            }
        }
    }

    @Test
    void tooSmallDeviceIsRefusedUntouched() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        try (Loop loop = Loop.create(tmp, 16 * MIB, true)) {
            byte[] before = loop.read(0, (int) (16 * MIB));
            AntsException e = assertThrows(AntsException.class, () -> Flasher.flash(FlashRequest.local(img, loop.device())));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains("smaller than the image"), e.getMessage());
            assertArrayEquals(before, loop.read(0, (int) (16 * MIB)), "nothing written");
        }
    }

    @Test
    void interruptedWriteIsReportedAndLeavesNoBootableHead() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), 64 * MIB, List.of(new Span(0, 512), new Span(2 * MIB, 60 * MIB)));
        try (Loop loop = Loop.create(tmp, 64 * MIB, true)) {
            Flasher[] f = new Flasher[1];
            Progress cancelMidway = Progress.root(new ProgressSink() {
                @Override public void started(Progress p) { }
                @Override public void advanced(Progress p) {
                    if (p.done() >= 4) f[0].cancel(); // 4 MiB of 61 written
                }
                @Override public void note(Progress p, String message) { }
                @Override public void finished(Progress p) { }
            }, "flash");
            f[0] = new Flasher(FlashRequest.local(img, loop.device()).withProgress(cancelMidway));
            AntsException e = assertThrows(AntsException.class, f[0]::run);
            assertEquals(ExitCode.INTERRUPTED, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("partial image"), e.getMessage());
            assertTrue(allZero(loop.read(0, (int) MIB)), "the head is zeroed until the end, so the half image does not boot");
        }
    }

    @Test
    void aDeviceFailingMidwayIsAFailedFlash() throws Exception {
        // a loop device over a sparse file on an 8 MiB tmpfs: its writes start failing after 8 MiB, as a
        // pulled cable or a dying stick would make them fail
        Path img = TestImages.raw(tmp.resolve("a.img"), 64 * MIB, List.of(new Span(0, 512), new Span(2 * MIB, 60 * MIB)));
        Path small = Files.createDirectory(tmp.resolve("small"));
        Host.run("mount", "-t", "tmpfs", "-o", "size=8m", "ants-flash-test", small.toString());
        try (Loop loop = Loop.create(small, 64 * MIB, false)) {
            AntsException e = assertThrows(AntsException.class, () -> Flasher.flash(FlashRequest.local(img, loop.device())));
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().contains("failed"), e.getMessage());
            assertTrue(e.hint().contains("partial image"), e.hint());
        } finally {
            Host.run("umount", small.toString());
        }
    }

    @Test
    void corruptionAfterWritingFailsVerification() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        try (Loop loop = Loop.create(tmp, 48 * MIB, true)) {
            Flasher.flash(FlashRequest.local(img, loop.device()));
            // what a failing medium does: one byte of the data changes after the write
            try (var raf = new java.io.RandomAccessFile(loop.device(), "rw")) {
                raf.seek(6 * MIB);
                raf.write(raf.read() ^ 0xff);
            }
            Host.run("blockdev", "--flushbufs", loop.device());
            AntsException e = assertThrows(AntsException.class, () -> Flasher.verify(FlashRequest.local(img, loop.device())));
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode());
            assertTrue(e.getMessage().contains("bytes " + 5 * MIB + " to " + 9 * MIB), e.getMessage());
        }
    }

    @Test
    void aByteInAHoleThatIsNotZeroFailsVerification() throws Exception {
        Path img = TestImages.raw(tmp.resolve("a.img"), IMAGE, DATA);
        try (Loop loop = Loop.create(tmp, 48 * MIB, true)) {
            Flasher.flash(FlashRequest.local(img, loop.device()));
            // zeros are checked by comparing, not by digest: a stray byte between the data must still show
            try (var raf = new java.io.RandomAccessFile(loop.device(), "rw")) {
                raf.seek(20 * MIB + 7);
                raf.write(1);
            }
            Host.run("blockdev", "--flushbufs", loop.device());
            AntsException e = assertThrows(AntsException.class, () -> Flasher.verify(FlashRequest.local(img, loop.device())));
            assertEquals(ExitCode.CHECK_FAILED, e.exitCode());
            assertTrue(e.getMessage().contains("do not read back as zeros"), e.getMessage());
        }
    }

    static List<Path> temporaries() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("ants-flash-")).sorted().toList();
        }
    }

    static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    /** sha256 over the sha256s of the written pieces, as FlashResult reports it. */
    static String dataSha(Path img, FlashResult r) throws IOException, Exception {
        WritePlan p = WritePlan.of(List.of(new Span(0, 4096), new Span(5 * MIB + 512, 3 * MIB), new Span(33 * MIB, 100_000)), IMAGE, 0, false);
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (Span s : p.pieces()) {
            all.update(MessageDigest.getInstance("SHA-256").digest(TestImages.read(img, s.offset(), (int) s.length())));
        }
        return HexFormat.of().formatHex(all.digest());
    }
}
