package dev.ants.flash;

import dev.ants.core.progress.ProgressListener;

import java.util.Locale;

/**
 * The flasher's one use of core's progress: a phase per step, byte counts with throughput and an ETA,
 * drawn at most ten times a second (a bar on a terminal, plain lines otherwise: the listener decides).
 */
final class FlashProgress {
    private static final long EVERY_NANOS = 100_000_000L;
    private final ProgressListener listener;
    private long total;
    private long done;
    private long started;
    private long shown;

    FlashProgress(ProgressListener listener) {
        this.listener = listener;
    }

    void begin(String phase, long totalBytes) {
        total = totalBytes;
        done = 0;
        started = System.nanoTime();
        shown = 0;
        // counted in MiB, so the bar reads "[####    ] 12/16 MiB, 110.5 MiB/s, ETA 1 s"
        listener.phase(phase, (totalBytes + Span.MIB - 1) / Span.MIB);
    }

    void add(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - shown < EVERY_NANOS && done < total) return;
        shown = now;
        listener.advance(done / Span.MIB, status(now));
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
        listener.endPhase();
    }

    void note(String message) {
        listener.note(message);
    }

    /** A phase without byte counts. */
    void step(String phase) {
        listener.phase(phase, 0);
    }
}
