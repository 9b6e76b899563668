package dev.ants.harness.qemu;

import dev.ants.harness.host.AntsCache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A record per running QEMU ({@code qemu-PID} in the ants cache: owner JVM, QEMU's start time, run
 * directory), removed when QEMU ends. QEMU also gets a parent-death signal, so a SIGKILLed ants takes
 * its guests along; when that could not work (no setpriv), the next ants run finds the record of a
 * dead owner and stops the orphan, and says so.
 */
public final class QemuPids {
    private QemuPids() {
    }

    public static Path dir() {
        return AntsCache.root().resolve("qemu-pids");
    }

    /** Records {@code p} (a QEMU started by this JVM for {@code runDir}); the record goes when it exits. */
    public static void record(Process p, Path runDir) {
        record(dir(), p.toHandle(), runDir);
        Path f = dir().resolve("qemu-" + p.pid());
        p.onExit().thenRun(() -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a stale record is reaped (harmlessly) by the next run
            }
        });
    }

    static void record(Path dir, ProcessHandle qemu, Path runDir) {
        ProcessHandle me = ProcessHandle.current();
        try {
            write(dir, me.pid(), startMillis(me), qemu, runDir);
        } catch (IOException ignored) {
            // without a record only the parent-death signal protects against orphans
        }
    }

    /** {@code qemu-PID}: owner pid, owner start, QEMU start (epoch ms), run directory. */
    static void write(Path dir, long owner, long ownerStart, ProcessHandle qemu, Path runDir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("qemu-" + qemu.pid()), owner + " " + ownerStart + " " + startMillis(qemu) + " " + runDir.toAbsolutePath() + "\n");
    }

    private static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static Optional<ProcessHandle> running(long pid, long startMillis) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> startMillis(h) == startMillis);
    }

    /** Stops every recorded QEMU whose owner is gone; one line per orphan stopped. */
    public static List<String> reapOrphans() {
        return reapOrphans(dir());
    }

    static List<String> reapOrphans(Path dir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "qemu-*")) {
            for (Path f : ds) {
                String msg = reap(f);
                if (msg != null) out.add(msg);
            }
        } catch (IOException ignored) {
            // an unreadable directory holds nothing we could act on
        }
        return out;
    }

    private static String reap(Path f) {
        try {
            long pid = Long.parseLong(f.getFileName().toString().substring("qemu-".length()));
            String[] rec = Files.readString(f).trim().split(" ", 4);
            long owner = Long.parseLong(rec[0]);
            // A reused pid is not the same process: only one that started at the recorded instant is.
            if (running(owner, Long.parseLong(rec[1])).isPresent()) return null; // its run is still going
            Files.deleteIfExists(f);
            Optional<ProcessHandle> q = running(pid, Long.parseLong(rec[2]));
            if (q.isEmpty()) return null;
            q.get().destroy();
            q.get().onExit().completeOnTimeout(q.get(), 3, TimeUnit.SECONDS).join();
            if (q.get().isAlive()) q.get().destroyForcibly();
            return "stopped an orphaned QEMU (pid " + pid + ") left by a dead ants run (pid " + owner + "; its run directory: " + rec[3] + ")";
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(f); // unreadable: not a record we can trust
            } catch (IOException ignored) {
                // leave it
            }
            return null;
        }
    }
}
