package dev.ants.harness.report;

import dev.ants.harness.expect.ExpectException;

/** Why a run or a step failed; reports and JUnit {@code type} attributes carry the name. */
public enum FailureKind {
    /** A step's own timeout passed. */
    TIMEOUT,
    /** A failure pattern (panic, oops ...) appeared on the console. */
    FAILURE_PATTERN,
    /** No console output for the watchdog period: the machine seems to hang. */
    WATCHDOG,
    /** The console closed: the guest powered off or the machine went away. */
    CONSOLE_CLOSED,
    /** A step's check (status, output) did not hold. */
    ASSERTION,
    /** A command's output reported failed checks ({@code FAIL name: why}). */
    CHECKS,
    /** QEMU died or did not start, a binary is missing, I/O failed: not the guest's fault. */
    INFRASTRUCTURE,
    INTERRUPTED;

    public static FailureKind of(ExpectException.Kind k) {
        return switch (k) {
            case TIMEOUT -> TIMEOUT;
            case FAILURE_PATTERN -> FAILURE_PATTERN;
            case WATCHDOG -> WATCHDOG;
            case CONSOLE_CLOSED -> CONSOLE_CLOSED;
        };
    }
}
