package dev.ants.harness;

import dev.ants.core.ExitCode;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a test plan: every run, every JUnit test case, the exit code and where the reports are.
 *
 * @param exitCode 0 only if something ran and nothing failed; 1 a check failed; 3 an infrastructure
 *                 problem, or nothing ran at all; 130 interrupted
 * @param why      one line on the exit code when it is not 0 because nothing ran; else null
 */
public record TestReport(String name, ExitCode exitCode, String why, List<RunResult> results, List<TestCaseResult> cases,
                         Path reportDir, List<Path> junitFiles, Path summaryJson) {

    /** The exit code of a set of test cases, and why when nothing ran. */
    public static ExitCode combine(List<TestCaseResult> cases) {
        if (cases.stream().anyMatch(c -> c.status() == RunStatus.INTERRUPTED)) return ExitCode.INTERRUPTED;
        if (cases.stream().anyMatch(c -> c.bad() && c.status() != RunStatus.FAILED)) return ExitCode.ENVIRONMENT;
        if (cases.stream().anyMatch(c -> c.status() == RunStatus.FAILED)) return ExitCode.CHECK_FAILED;
        if (cases.stream().allMatch(c -> c.status() == RunStatus.SKIPPED)) return ExitCode.ENVIRONMENT;
        return ExitCode.OK;
    }

    public long count(RunStatus s) {
        return cases.stream().filter(c -> c.status() == s).count();
    }

    /** One line for people: counts, and the reason when nothing ran. */
    public String summary() {
        return String.format("%s: %d tests, %d passed, %d failed, %d errors, %d skipped%s (report in %s)", name, cases.size(),
                count(RunStatus.PASSED), count(RunStatus.FAILED), cases.stream().filter(c -> c.bad() && c.status() != RunStatus.FAILED).count(),
                count(RunStatus.SKIPPED), why == null ? "" : "; " + why, reportDir);
    }
}
