package dev.ants.core;

/** The process exit codes of the user contract (docs: contract.md, "Exit codes"). */
public enum ExitCode {
    OK(0),
    /** The product worked; the system under test did not. */
    CHECK_FAILED(1),
    /** Bad input or usage; nothing was written. */
    BAD_INPUT(2),
    /** Environment or infrastructure: missing dependency, QEMU died, KVM unusable, not implemented. */
    ENVIRONMENT(3),
    INTERRUPTED(130);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
