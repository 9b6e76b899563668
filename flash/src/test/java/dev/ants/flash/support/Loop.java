package dev.ants.flash.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A loop device over a file in a test's temporary directory; closing detaches it, whatever the test did. */
public final class Loop implements AutoCloseable {
    private final Path backing;
    private final String device;

    private Loop(Path backing, String device) {
        this.backing = backing;
        this.device = device;
    }

    /** A loop device of {@code size} bytes holding random garbage (or zeros). */
    public static Loop create(Path dir, long size, boolean garbage) throws IOException {
        Path f = Files.createTempFile(dir, "loop-", ".img");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
            if (garbage) {
                byte[] b = new byte[1 << 20];
                Random r = new Random(size);
                for (long at = 0; at < size; at += b.length) {
                    r.nextBytes(b);
                    raf.write(b, 0, (int) Math.min(b.length, size - at));
                }
            }
        }
        String dev = Host.run("losetup", "-f", "--show", f.toString()).trim();
        return new Loop(f, dev);
    }

    public String device() {
        return device;
    }

    public Path backing() {
        return backing;
    }

    /** Bytes [offset, offset+n) as the device reads them now (O_DIRECT is not needed: tests compare content). */
    public byte[] read(long offset, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(device, "r")) {
            byte[] b = new byte[n];
            raf.seek(offset);
            raf.readFully(b);
            return b;
        }
    }

    public long size() throws IOException {
        return Files.size(backing);
    }

    @Override
    public void close() throws IOException {
        // a mount left by a failed test would keep the device busy: undo it first
        Host.status(List.of("umount", device));
        for (int i = 0; i < 20 && Host.status(List.of("losetup", "-d", device)) != 0; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Files.deleteIfExists(backing);
    }
}
