package dev.ants.pipeline;

import dev.ants.core.ExitCode;
import dev.ants.harness.report.RunResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Ants#test} found: every run's result, the models and cases skipped with the reason,
 * and the exit code by the contract: 0 only when something ran and nothing failed.
 *
 * @param kernel the kernel tested (null when an image was)
 */
public record TestOutcome(Path kernel, Path image, Path reportDir, List<RunResult> results, List<String> skipped,
                          ExitCode exitCode) {
    public long passed() {
        return results.stream().filter(RunResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** 130 when interrupted, else 3 for infrastructure, else 1 for a failed check, else 0; 3 when nothing ran. */
    public static ExitCode combine(List<RunResult> results) {
        if (results.isEmpty()) return ExitCode.ENVIRONMENT;
        if (results.stream().anyMatch(r -> r.exitCode() == ExitCode.INTERRUPTED.code)) return ExitCode.INTERRUPTED;
        if (results.stream().anyMatch(r -> r.exitCode() == 3 || r.exitCode() == 2)) return ExitCode.ENVIRONMENT;
        return results.stream().anyMatch(r -> r.exitCode() == 1) ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
