package dev.ants.core.progress;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Plain lines for logs and CI: one line per finished step, with its time, printed once when the step
 * closes (so parallel steps never interleave half-lines), and a count for long steps at most every
 * {@code every} nanoseconds, so a log shows the build is alive. No carriage returns.
 */
public final class PlainSink implements ProgressSink {
    /** How much to print. */
    public enum Detail { NOTES, STEPS }

    private static final long EVERY_NANOS = 15_000_000_000L;
    /** Steps quicker than this are not worth a line unless they are a command's top-level steps. */
    private static final double WORTH_A_LINE_SECONDS = 1.0;

    private final PrintStream out;
    private final Detail detail;
    private final long every;
    private final LongSupplier clock;
    private final Map<Progress, Long> lastPrinted = new ConcurrentHashMap<>();

    public PlainSink(PrintStream out, Detail detail) {
        this(out, detail, EVERY_NANOS);
    }

    PlainSink(PrintStream out, Detail detail, long everyNanos) {
        this(out, detail, everyNanos, System::nanoTime);
    }

    /** For tests: a clock they control, so throttling does not depend on the machine's speed. */
    PlainSink(PrintStream out, Detail detail, long everyNanos, LongSupplier clock) {
        this.out = out;
        this.detail = detail;
        this.every = everyNanos;
        this.clock = clock;
    }

    @Override
    public void started(Progress p) {
        lastPrinted.put(p, clock.getAsLong());
    }

    @Override
    public void advanced(Progress p) {
        if (detail != Detail.STEPS) return;
        long now = clock.getAsLong();
        Long last = lastPrinted.get(p);
        if (last == null || now - last < every) return;
        lastPrinted.put(p, now);
        line(p.path() + " " + p.done() + (p.total() > 0 ? "/" + p.total() : "") + (p.item().isEmpty() ? "" : " " + p.item()));
    }

    @Override
    public void note(Progress p, String message) {
        line(message);
    }

    @Override
    public void finished(Progress p) {
        lastPrinted.remove(p);
        if (detail != Detail.STEPS || p.depth() == 0) return;
        if (p.failed()) {
            // the error itself is printed by whoever catches it; say only how far it got
            if (p.seconds() >= WORTH_A_LINE_SECONDS) line(String.format("%s failed after %.1f s", p.path(), p.seconds()));
            return;
        }
        if (p.depth() > 1 && p.seconds() < WORTH_A_LINE_SECONDS) return;
        line(String.format("%s done in %.1f s", p.path(), p.seconds()));
    }

    private synchronized void line(String s) {
        out.println("ants: " + s);
    }
}
