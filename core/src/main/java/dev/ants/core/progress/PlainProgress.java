package dev.ants.core.progress;

import java.io.PrintStream;

/**
 * Plain lines for logs and CI: one when a phase starts, a count at most every few seconds, and the
 * time taken when a phase lasted long enough for that to matter. No carriage returns.
 */
public final class PlainProgress implements ProgressListener {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private static final long WORTH_TIMING_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final long every;
    private String phase = "";
    private long total;
    private long started;
    private long lastPrinted;

    public PlainProgress(PrintStream out) {
        this(out, EVERY_NANOS);
    }

    PlainProgress(PrintStream out, long everyNanos) {
        this.out = out;
        this.every = everyNanos;
    }

    @Override
    public synchronized void phase(String name, long total) {
        if (name.equals(phase) && System.nanoTime() - started < WORTH_TIMING_NANOS) {
            this.total = total; // a step announcing its size right after the runner named it
            return;
        }
        this.phase = name;
        this.total = total;
        this.started = System.nanoTime();
        this.lastPrinted = started;
        out.println("ants: " + name + (total > 0 ? " (" + total + ")" : ""));
    }

    @Override
    public synchronized void advance(long done, String item) {
        long now = System.nanoTime();
        if (now - lastPrinted < every) return;
        lastPrinted = now;
        out.println("ants: " + phase + " " + done + (total > 0 ? "/" + total : "") + (item.isEmpty() ? "" : " " + item));
    }

    @Override
    public synchronized void note(String message) {
        out.println("ants: " + message);
    }

    @Override
    public synchronized void endPhase() {
        long took = System.nanoTime() - started;
        if (took >= WORTH_TIMING_NANOS) out.printf("ants: %s done in %.1f s%n", phase, took / 1e9);
    }
}
