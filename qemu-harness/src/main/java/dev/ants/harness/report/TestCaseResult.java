package dev.ants.harness.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JUnit test case of a test run: a check ({@code suite.check}), a case ({@code suite.case}), or a
 * skipped model's or case's place holder, on one model.
 *
 * @param excerpt   the console lines that show the failure (a check's output, the last console lines)
 * @param artifacts the kept run's files (transcript, overlay, ...), by name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TestCaseResult(String model, String suite, String name, RunStatus status, FailureKind kind, String message,
                             double seconds, List<String> excerpt, Map<String, String> artifacts) {
    public TestCaseResult {
        excerpt = excerpt == null ? List.of() : List.copyOf(excerpt);
        artifacts = artifacts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(artifacts));
    }

    public static TestCaseResult skipped(String model, String suite, String name, String why) {
        return new TestCaseResult(model, suite, name, RunStatus.SKIPPED, null, why, 0, List.of(), Map.of());
    }

    /** Failed, an error (infrastructure, bad input) or interrupted: anything but passed and skipped. */
    public boolean bad() {
        return status != RunStatus.PASSED && status != RunStatus.SKIPPED;
    }
}
