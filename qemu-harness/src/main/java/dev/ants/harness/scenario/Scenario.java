package dev.ants.harness.scenario;

import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Shell;

import java.time.Duration;
import java.util.ArrayList;
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
    /** The same settings with other steps (a suite's case, its boot steps). */
    public Scenario with(String newName, List<Step> newSteps) {
        return new Scenario(newName, shell, timeout, watchdog, patterns, List.copyOf(newSteps), source);
    }

    /** This scenario's steps followed by {@code more}'s, under {@code more}'s name. */
    public Scenario then(Scenario more) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(more.steps());
        return more.with(more.name(), all);
    }
}
