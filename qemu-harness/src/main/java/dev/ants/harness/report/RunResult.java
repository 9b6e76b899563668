package dev.ants.harness.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.scenario.StepResult;

import java.util.List;
import java.util.Map;

/**
 * One run (a model x a scenario), as written to result.json and summarised in JUnit XML.
 *
 * @param status      passed, failed (exit 1), error (exit 3: infrastructure), interrupted (130), bad-input (2)
 * @param artifacts   name -> file, for everything kept: transcript, overlay, screendump, qemu-stderr, qemu-cmdline
 * @param bootSeconds seconds from QEMU start to the first console byte (-1: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(String model, String scenario, String guest, String status, int exitCode, String accel,
                        List<String> warnings, double seconds, double bootSeconds,
                        Integer failedStep, String failedStepLabel, String failureKind, String reason,
                        List<String> lastConsoleLines, List<StepResult> steps, List<FailureHit> failurePatterns,
                        Map<String, String> artifacts, String runDir, boolean kept, List<String> qemuCommand) {

    public static String statusFor(int exitCode) {
        return switch (exitCode) {
            case 0 -> "passed";
            case 1 -> "failed";
            case 2 -> "bad-input";
            case 130 -> "interrupted";
            default -> "error";
        };
    }

    @JsonIgnore
    public boolean passed() {
        return exitCode == 0;
    }

    /** A one-line human summary, e.g. for the CLI. */
    public String summary() {
        String head = String.format("%s %s on %s (%s, %.1f s)", status.toUpperCase(java.util.Locale.ROOT), scenario, model, accel, seconds);
        if (passed()) return head;
        return head + ": " + (failedStepLabel != null ? "step " + failedStep + " (" + failedStepLabel + "): " : "") + reason
                + (runDir != null && kept ? "\n  artifacts kept in " + runDir : "");
    }
}
