package dev.ants.core.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Running 32-bit x86 programs, which the whole host toolchain is (9front's compilers assume 32-bit
 * longs, so they are built with gcc -m32). Most kernels run them natively; some do not (ia32 emulation
 * off, as in PVM guests: exec fails with "Exec format error"). There QEMU's user-mode emulator,
 * registered with binfmt_misc for i386 ELF files, runs them, several times slower but correctly.
 * Debian's qemu-user-static never registers i386 on an amd64 host, so ants does it when asked.
 */
public final class Ia32 {
    static final Path BINFMT = Path.of("/proc/sys/fs/binfmt_misc");
    static final Path HANDLER = BINFMT.resolve("ants-i386");
    static final Path EMULATOR = Path.of("/usr/bin/qemu-i386-static");
    /**
     * An ELF32 little-endian i386 executable or shared object. Flag F opens the emulator now, so it
     * works inside the build's mount namespaces, where /usr/bin may be elsewhere.
     */
    static final String REGISTRATION = ":ants-i386:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
            + "\\x02\\x00\\x03\\x00:\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff"
            + "\\xfe\\xff\\xff\\xff:" + EMULATOR + ":F";

    private Ia32() {
    }

    /** True when an i386 handler (ours, or one registered by hand as qemu-i386) is enabled. */
    public static boolean emulated() {
        for (Path h : new Path[] {HANDLER, BINFMT.resolve("qemu-i386")}) {
            try {
                if (Files.isRegularFile(h) && Files.readString(h).startsWith("enabled")) return true;
            } catch (IOException ignored) {
                // unreadable: treat as absent
            }
        }
        return false;
    }

    public static boolean emulatorInstalled() {
        return Files.isExecutable(EMULATOR);
    }

    /**
     * Registers the emulator for i386 programs (root only); a no-op when one is registered. Throws with
     * the reason when binfmt_misc is not mounted or the kernel refuses.
     */
    public static void register() throws IOException {
        if (emulated()) return;
        // a fresh machine may not have binfmt_misc mounted yet (systemd mounts it on first use)
        if (!Files.exists(BINFMT.resolve("register"))) mountBinfmt();
        if (!Files.isWritable(BINFMT.resolve("register"))) {
            throw new IOException(BINFMT + "/register is not writable (not root, or binfmt_misc is not mounted: "
                    + "mount -t binfmt_misc none " + BINFMT + ")");
        }
        Files.writeString(BINFMT.resolve("register"), REGISTRATION);
    }

    private static void mountBinfmt() throws IOException {
        try {
            HostProcess.Result r = HostProcess.run(List.of("mount", "-t", "binfmt_misc", "binfmt_misc", BINFMT.toString()),
                    Duration.ofSeconds(30));
            if (!r.ok()) throw new IOException("mount -t binfmt_misc failed: " + r.output().strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while mounting binfmt_misc", e);
        }
    }
}
