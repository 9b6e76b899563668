package dev.ants.harness.qemu;

import dev.ants.core.cleanup.Cleanup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every QEMU we start is registered here; one entry in the clean-up registry (Ctrl-C, SIGTERM, normal
 * exit) stops whatever is still running, so no guest outlives the run that started it.
 */
public final class ProcessReaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Cleanup.onExit("stop every QEMU still running", ProcessReaper::killAll);
    }

    private ProcessReaper() {
    }

    public static void register(Process p) {
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
    }

    /** Asks politely (SIGTERM lets QEMU flush the overlay), then kills. */
    public static void kill(Process p, long graceMillis) {
        if (p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(p);
    }

    /** All at once, within 2 s together: SIGTERM to each, then SIGKILL to what is left. */
    static void killAll() {
        for (Process p : LIVE) p.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Process p : LIVE) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    /** How many QEMU processes this JVM still has running (tests assert zero). */
    public static int liveCount() {
        LIVE.removeIf(p -> !p.isAlive());
        return LIVE.size();
    }
}
