package dev.ants.core.progress;

/** Chooses how progress is shown: a bar on a terminal, plain lines otherwise (CI, pipes, files). */
public final class Progress {
    private Progress() {
    }

    public static ProgressListener forStderr(boolean quiet) {
        if (quiet) return ProgressListener.SILENT;
        boolean ci = System.getenv("CI") != null;
        boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return tty && !ci ? new TerminalProgress(System.err) : new PlainProgress(System.err);
    }
}
