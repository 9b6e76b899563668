package dev.ants.harness.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How one step went: passed, failed or skipped (after an earlier failure), with the detail that matters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepResult(int index, String step, String status, long millis, String detail) {
}
