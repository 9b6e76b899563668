package dev.ants.harness.testutil;

import dev.ants.harness.qemu.Guest;
import dev.ants.harness.selftest.LinuxTestGuest;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by the guest tests: skips with the reason when QEMU, the kernel or busybox is missing. */
public final class TestGuests {
    private static Path dir;
    private static Guest guest;

    private TestGuests() {
    }

    public static void assumeQemu() {
        Assumptions.assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 not on PATH: apt-get install qemu-system-x86");
        Assumptions.assumeTrue(onPath("qemu-img"), "qemu-img not on PATH: apt-get install qemu-utils");
    }

    public static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        }
        return false;
    }

    /** The Linux test guest (built once per JVM), or the test is skipped with the reason. */
    public static synchronized Guest linux() throws IOException {
        assumeQemu();
        if (guest == null) {
            LinuxTestGuest.Host host;
            try {
                host = LinuxTestGuest.findHost();
            } catch (LinuxTestGuest.MissingPartException e) {
                Assumptions.abort(e.getMessage());
                return null;
            }
            dir = Files.createTempDirectory("ants-testguest");
            dir.toFile().deleteOnExit();
            guest = LinuxTestGuest.build(host, dir, null);
            dir.resolve("initramfs.cpio").toFile().deleteOnExit();
        }
        return guest;
    }

    /** A blank raw disk image of {@code mib} MiB with a known first sector. */
    public static Path blankDisk(Path dir, int mib) throws IOException {
        Path p = dir.resolve("base.img");
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("ANTS-BASE-IMAGE".getBytes()), 0);
            ch.truncate((long) mib << 20);
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{0}), ((long) mib << 20) - 1);
        }
        return p;
    }
}
