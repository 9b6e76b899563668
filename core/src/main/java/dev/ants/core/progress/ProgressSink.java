package dev.ants.core.progress;

/**
 * Where progress events go. Implementations are called from any thread and serialise themselves.
 */
public interface ProgressSink {
    void started(Progress p);

    void advanced(Progress p);

    void note(Progress p, String message);

    void finished(Progress p);

    ProgressSink NONE = new ProgressSink() {
        @Override public void started(Progress p) { }
        @Override public void advanced(Progress p) { }
        @Override public void note(Progress p, String message) { }
        @Override public void finished(Progress p) { }
    };

    /** A bar on a terminal, plain lines otherwise (CI, pipes, files); nothing but notes when quiet. */
    static ProgressSink forStderr(boolean quiet) {
        boolean ci = System.getenv("CI") != null;
        boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        if (quiet) return new PlainSink(System.err, PlainSink.Detail.NOTES);
        return tty && !ci ? new TerminalSink(System.err) : new PlainSink(System.err, PlainSink.Detail.STEPS);
    }
}
