package dev.ants.harness.matrix;

import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.scenario.Check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a case's run into JUnit test cases: one per check its output reported ({@code suite.check}),
 * or the case itself ({@code suite.case}) when it has no checks. A run that failed for another reason
 * than its checks (a step timed out, QEMU died) also fails as {@code suite.case}, with the reason.
 */
public final class CaseResults {
    private CaseResults() {
    }

    public static List<TestCaseResult> of(String suite, String testName, RunResult r) {
        List<TestCaseResult> out = new ArrayList<>();
        List<Check> checks = r.steps().stream().flatMap(s -> s.checks().stream()).toList();
        for (Check c : checks) out.add(check(r, suite, c));
        boolean checksSayAll = r.failureKind() == FailureKind.CHECKS;
        if (checks.isEmpty() || (!r.passed() && !checksSayAll)) out.add(whole(r, suite, testName));
        return out;
    }

    private static TestCaseResult check(RunResult r, String suite, Check c) {
        String name = suite + "." + c.name();
        return switch (c.status()) {
            case PASSED -> new TestCaseResult(r.model(), suite, name, RunStatus.PASSED, null, null, 0, List.of(), Map.of());
            case SKIPPED -> TestCaseResult.skipped(r.model(), suite, name, c.message() == null ? "skipped by the check" : c.message());
            case FAILED -> new TestCaseResult(r.model(), suite, name, RunStatus.FAILED, FailureKind.CHECKS,
                    c.message() == null ? "FAIL " + c.name() : c.message(), 0, c.context(), r.artifacts());
        };
    }

    private static TestCaseResult whole(RunResult r, String suite, String testName) {
        if (r.passed()) return new TestCaseResult(r.model(), suite, testName, RunStatus.PASSED, null, null, r.seconds(), List.of(), Map.of());
        String msg = (r.failedStepLabel() != null ? "step " + r.failedStep() + " (" + r.failedStepLabel() + "): " : "") + r.reason();
        return new TestCaseResult(r.model(), suite, testName, r.status(), r.failureKind(), msg, r.seconds(),
                r.lastConsoleLines(), r.artifacts());
    }
}
