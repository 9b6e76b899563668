package dev.ants.harness.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/**
 * How one step went, with the detail that matters: passed, failed, or skipped (after an earlier failure,
 * or because the target lacks a capability the step needs; {@code detail} says which). A {@code run}
 * step with {@code checks: true} carries the checks its output reported.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StepResult(int index, String step, Status status, long millis, String detail, List<Check> checks) {
    public enum Status {
        PASSED, FAILED, SKIPPED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StepResult(int index, String step, Status status, long millis, String detail) {
        this(index, step, status, millis, detail, List.of());
    }
}
