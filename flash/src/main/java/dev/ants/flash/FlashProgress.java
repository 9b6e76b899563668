package dev.ants.flash;

import dev.ants.core.progress.Progress;

import java.util.Locale;

/**
 * The flasher's one use of core's progress: a child node per step, byte counts with throughput and an
 * ETA, reported at most ten times a second (a bar on a terminal, plain lines otherwise: the sink decides).
 */
final class FlashProgress {
    private static final long EVERY_NANOS = 100_000_000L;
    private final Progress parent;
    private Progress current;
    private long total;
    private long done;
    private long started;
    private long shown;

    FlashProgress(Progress parent) {
        this.parent = parent;
    }

    void begin(String phase, long totalBytes) {
        total = totalBytes;
        done = 0;
        started = System.nanoTime();
        shown = 0;
        // counted in MiB, so the bar reads "[####    ] 12/16 MiB, 110.5 MiB/s, ETA 1 s"
        open(phase, (totalBytes + Span.MIB - 1) / Span.MIB);
    }

    void add(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - shown < EVERY_NANOS && done < total) return;
        shown = now;
        if (current != null) current.advance(done / Span.MIB, status(now));
    }

    /** The rest of the line after the MiB counts: "MiB, 110.5 MiB/s, ETA 1 s". */
    private String status(long now) {
        double secs = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / secs;
        String s = "MiB, " + Sizes.human((long) rate) + "/s";
        if (done < total && rate > 0) s += String.format(Locale.ROOT, ", ETA %d s", Math.round((total - done) / rate));
        return s;
    }

    void end() {
        if (current != null) current.close();
        current = null;
    }

    void note(String message) {
        parent.note(message);
    }

    /** A step without byte counts. */
    void step(String phase) {
        open(phase, 0);
    }

    /** A step that ends the one before it, if that one was left open by an error path. */
    private void open(String phase, long units) {
        end();
        current = parent.child(phase, units);
    }
}
