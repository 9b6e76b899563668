package dev.ants.harness.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ants.core.ExitCode;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.report.FailureKind;

import java.util.List;

/** The result of running a scenario on a target; {@code failureKind} is null on success. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioOutcome(ExitCode exitCode, Integer failedStep, String failedStepLabel, FailureKind failureKind,
                              String reason, List<StepResult> steps, List<FailureHit> failurePatterns) {
    public boolean passed() {
        return exitCode == ExitCode.OK;
    }

    /** A run that passed without steps of its own (a machine driven by its caller). */
    public static ScenarioOutcome ok() {
        return new ScenarioOutcome(ExitCode.OK, null, null, null, null, List.of(), List.of());
    }

    /** A run that ended before or outside the scenario's steps (QEMU did not start, interrupted ...). */
    public static ScenarioOutcome failure(ExitCode code, FailureKind kind, String reason) {
        return new ScenarioOutcome(code, null, null, kind, reason, List.of(), List.of());
    }

    /** Every check the scenario's checks steps reported, in order. */
    public List<Check> checks() {
        return steps.stream().flatMap(s -> s.checks().stream()).toList();
    }
}
