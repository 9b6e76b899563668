package dev.ants.pipeline;

import dev.ants.core.ExitCode;
import dev.ants.harness.TestReport;

import java.nio.file.Path;

/**
 * What {@link Ants#test} found: the harness's report (every check as a JUnit case, skipped models and
 * cases with their reason) and what was tested.
 *
 * @param kernel the kernel tested, when it was built from a tree; null when an image was tested
 */
public record TestOutcome(Path kernel, Path image, TestReport report) {
    /** 0 only when something ran and nothing failed; 1 a check failed; 3 infrastructure or nothing ran; 130 interrupted. */
    public ExitCode exitCode() {
        return report.exitCode();
    }
}
