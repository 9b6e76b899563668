package dev.ants.core;

/**
 * An error a user can act on: what went wrong, and what to do about it. The CLI prints
 * {@link #getMessage()} and {@link #hint()} on one or two lines and exits with {@link #exitCode()};
 * it never shows a stack trace for these.
 */
public class AntsException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public AntsException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public AntsException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint == null ? "" : hint;
    }

    public static AntsException badInput(String message, String hint) {
        return new AntsException(ExitCode.BAD_INPUT, message, hint);
    }

    public static AntsException environment(String message, String hint) {
        return new AntsException(ExitCode.ENVIRONMENT, message, hint);
    }

    public static AntsException checkFailed(String message, String hint) {
        return new AntsException(ExitCode.CHECK_FAILED, message, hint);
    }

    public static AntsException notImplemented(String what) {
        return new AntsException(ExitCode.ENVIRONMENT, what + " is not implemented yet",
                "see README.md, \"What works today\"");
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the user can do; empty when there is nothing useful to say. */
    public String hint() {
        return hint;
    }
}
