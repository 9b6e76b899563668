package dev.ants.core.host;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Probes of the host that the build needs, run the way the build will use them (a binary on PATH is no
 * proof it works). {@code ants doctor} reports them; the build calls {@link #require} before it starts.
 */
public final class HostProbes {
    /** A probe's outcome; {@code fix} names what to install or change. */
    public record Probe(boolean ok, String detail, String fix) {
    }

    private static final Duration QUICK = Duration.ofSeconds(30);
    /** What doctor --install does about a kernel without 32-bit support. */
    public static final String IA32_FIX = "run 'ants doctor --install' as root: it installs qemu-user-static and registers "
            + "it for 32-bit x86 programs (the host toolchain then runs emulated, several times slower)";

    private HostProbes() {
    }

    /** 9front's compilers assume 32-bit long, so every host tool is built and run as gcc -m32. */
    public static Probe gccM32() {
        String fix = "apt-get install gcc gcc-multilib";
        try {
            Path dir = Files.createTempDirectory("ants-m32");
            try {
                Files.writeString(dir.resolve("t.c"), "int main(void){ return sizeof(long) == 4 ? 0 : 1; }\n");
                HostProcess.Result cc = HostProcess.run(List.of("gcc", "-m32", "-o", "t", "t.c"), dir, null, QUICK);
                if (!cc.ok()) return new Probe(false, "gcc cannot build 32-bit programs (-m32): " + cc.tail(2), fix);
                HostProcess.Result run;
                try {
                    run = HostProcess.run(List.of(dir.resolve("t").toString()), QUICK);
                } catch (IOException execFailed) {
                    // gcc made it, the kernel cannot run it: no ia32 emulation (a PVM guest, for one)
                    return new Probe(false, "gcc -m32 builds 32-bit programs but this kernel cannot run them ("
                            + execFailed.getMessage().replaceAll(".*error=\\d+, ", "") + ")", IA32_FIX);
                }
                if (!run.ok()) return new Probe(false, "a gcc -m32 program does not run here: " + run.tail(2), IA32_FIX);
                return new Probe(true, "gcc -m32 links and runs 32-bit programs"
                        + (Ia32.emulated() ? " (run by qemu-i386, registered with binfmt_misc)" : ""), fix);
            } finally {
                FileTrees.deleteQuietly(dir);
            }
        } catch (IOException e) {
            return new Probe(false, "gcc is not installed", fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted", fix);
        }
    }

    /** Builds run in a private mount namespace made by bubblewrap. */
    public static Probe bwrap() {
        try {
            HostProcess.Result r = HostProcess.run(Bwrap.hostRoot().tmpfs("/mnt").command("true"), QUICK);
            return r.ok() ? new Probe(true, "bubblewrap makes a private mount namespace", "")
                    : new Probe(false, "bwrap cannot create a mount namespace here: " + r.tail(2),
                    "run as root, or allow unprivileged user namespaces (e.g. Ubuntu 24.04: sysctl "
                            + "kernel.apparmor_restrict_unprivileged_userns=0)");
        } catch (IOException e) {
            return new Probe(false, "bubblewrap (bwrap) is not installed; builds need a private mount namespace",
                    "apt-get install bubblewrap");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted", "");
        }
    }

    /** Throws an environment error (exit 3) naming the fix unless {@code p} is ok. */
    public static void require(Probe p) {
        if (!p.ok()) throw AntsException.environment(p.detail(), p.fix());
    }
}
