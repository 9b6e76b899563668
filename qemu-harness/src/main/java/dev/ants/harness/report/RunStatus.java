package dev.ants.harness.report;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ants.core.ExitCode;

import java.util.Locale;

/** How a run or a test case ended, as reports show it (lower case in JSON). */
public enum RunStatus {
    PASSED, FAILED, ERROR, BAD_INPUT, INTERRUPTED, SKIPPED;

    /** The status a run with this exit code has. */
    public static RunStatus of(ExitCode code) {
        return switch (code) {
            case OK -> PASSED;
            case CHECK_FAILED -> FAILED;
            case BAD_INPUT -> BAD_INPUT;
            case INTERRUPTED -> INTERRUPTED;
            case ENVIRONMENT -> ERROR;
        };
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
