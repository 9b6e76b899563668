package dev.ants.harness.expect;

/** A wait on the console ended without its match; {@link #kind()} says why. */
public final class ExpectException extends RuntimeException {
    public enum Kind {
        /** The step's own timeout passed. */
        TIMEOUT,
        /** A FATAL failure pattern appeared. */
        FAILURE_PATTERN,
        /** No console output at all for the watchdog period: the guest hangs. */
        WATCHDOG,
        /** The console closed: the machine (or QEMU) went away. */
        CONSOLE_CLOSED
    }

    private final Kind kind;

    public ExpectException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
