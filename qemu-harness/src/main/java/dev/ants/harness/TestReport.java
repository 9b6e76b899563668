package dev.ants.harness;

import dev.ants.core.ExitCode;
import dev.ants.harness.report.RunResult;

import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link Harness#test}: every run, the overall exit code and the report files. */
public record TestReport(List<RunResult> results, ExitCode exitCode, Path junitXml, Path summaryJson) {
    /** 3 if any run hit an infrastructure problem, else 1 if any failed, else 0 (130 when interrupted). */
    static ExitCode combine(List<RunResult> results) {
        if (results.stream().anyMatch(r -> r.exitCode() == 130)) return ExitCode.INTERRUPTED;
        if (results.stream().anyMatch(r -> r.exitCode() == 3 || r.exitCode() == 2)) return ExitCode.ENVIRONMENT;
        if (results.stream().anyMatch(r -> r.exitCode() == 1)) return ExitCode.CHECK_FAILED;
        return ExitCode.OK;
    }
}
