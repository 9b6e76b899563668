package dev.ants.core.progress;

/**
 * Receives progress events from long work. Implementations decide how to show them: a bar on a
 * terminal, plain lines in CI, nothing at all.
 */
public interface ProgressListener {
    /** A new phase starts, e.g. "build libraries". {@code total} is the expected unit count, or 0. */
    void phase(String name, long total);

    /** {@code done} of the current phase's units are finished; {@code item} names the last one. */
    void advance(long done, String item);

    /** A line worth showing even when quiet (warnings, one-line results). */
    void note(String message);

    /** The current phase finished. */
    void endPhase();

    ProgressListener SILENT = new ProgressListener() {
        @Override public void phase(String name, long total) { }
        @Override public void advance(long done, String item) { }
        @Override public void note(String message) { }
        @Override public void endPhase() { }
    };
}
