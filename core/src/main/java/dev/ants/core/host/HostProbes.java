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

    private HostProbes() {
    }

    /**
     * The host tools are 64-bit programs (x86-64) compiled by gcc, with Plan 9's 32-bit long given by
     * the staged u.h: gcc must build and run one.
     */
    public static Probe gcc() {
        String fix = "apt-get install gcc";
        try {
            Path dir = Files.createTempDirectory("ants-gcc");
            try {
                Files.writeString(dir.resolve("t.c"), "int main(void){ return sizeof(void*) == 8 ? 0 : 1; }\n");
                HostProcess.Result cc = HostProcess.run(List.of("gcc", "-m64", "-o", "t", "t.c"), dir, null, QUICK);
                if (!cc.ok()) return new Probe(false, "gcc cannot build 64-bit x86 programs (-m64): " + cc.tail(2),
                        "the host tools need an x86-64 Linux host with gcc");
                HostProcess.Result run = HostProcess.run(List.of(dir.resolve("t").toString()), QUICK);
                if (!run.ok()) return new Probe(false, "a gcc -m64 program does not run here: " + run.tail(2), fix);
                return new Probe(true, "gcc builds and runs 64-bit programs", fix);
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
