package dev.ants.harness.scenario;

import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Shell;

import java.time.Duration;
import java.util.List;

/**
 * A list of steps run against one booted machine (contract.md, "Scenario files"), with includes and
 * variables already resolved.
 *
 * @param patterns failure patterns watched from the first step (the built-in sets chosen by the file plus its own)
 * @param watchdog no console output for this long fails a wait; null disables it
 */
public record Scenario(String name, Shell shell, Duration timeout, Duration watchdog,
                       List<FailurePattern> patterns, List<Step> steps, String source) {
}
