package dev.ants.core.cleanup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one clean-up registry: work that must not outlive the JVM (a QEMU to stop, a partial output to
 * remove, a run directory to mark) registers here, and a single shutdown hook runs what is still
 * registered, newest first, when the JVM ends for any reason but SIGKILL. Normal paths close their
 * registration instead (in a finally block), so the hook only sees what an interruption left.
 */
public final class Cleanup {
    /** Undoes a registration without running its action. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private record Entry(String what, Runnable action) {
    }

    private static final Deque<Entry> ENTRIES = new ArrayDeque<>();
    private static boolean hooked;

    private Cleanup() {
    }

    /** Runs {@code action} if the JVM ends (signal, exit) before the registration is closed. */
    public static synchronized Registration onExit(String what, Runnable action) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "ants-cleanup"));
            hooked = true;
        }
        Entry e = new Entry(what, action);
        ENTRIES.push(e);
        return () -> {
            synchronized (Cleanup.class) {
                ENTRIES.remove(e);
            }
        };
    }

    /** How many actions are waiting; tests use it to check that normal paths close their registrations. */
    public static synchronized int pending() {
        return ENTRIES.size();
    }

    private static void runAll() {
        List<Entry> todo;
        synchronized (Cleanup.class) {
            todo = new ArrayList<>(ENTRIES);
            ENTRIES.clear();
        }
        for (Entry e : todo) {
            try {
                e.action().run();
            } catch (RuntimeException | Error ignored) {
                // one failed clean-up must not stop the others; the JVM is going away anyway
            }
        }
    }
}
