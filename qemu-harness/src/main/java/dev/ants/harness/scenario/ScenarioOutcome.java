package dev.ants.harness.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ants.core.ExitCode;
import dev.ants.harness.expect.FailureHit;

import java.util.List;

/**
 * The result of running a scenario on a target.
 *
 * @param failureKind TIMEOUT, FAILURE_PATTERN, WATCHDOG, CONSOLE_CLOSED, ASSERTION, INFRASTRUCTURE; null on success
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioOutcome(ExitCode exitCode, Integer failedStep, String failedStepLabel, String failureKind,
                              String reason, List<StepResult> steps, List<FailureHit> failurePatterns) {
    public boolean passed() {
        return exitCode == ExitCode.OK;
    }
}
