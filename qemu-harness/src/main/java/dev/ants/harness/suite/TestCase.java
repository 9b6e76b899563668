package dev.ants.harness.suite;

import java.util.List;

/**
 * One case of a suite: its steps (as a scenario named {@code suite.case}, with the suite's shell,
 * timeout and failure patterns) and the extra plan9.ini lines it boots with (empty: it starts from the
 * suite's snapshot).
 */
public record TestCase(String name, List<String> plan9ini, dev.ants.harness.scenario.Scenario scenario) {
    public TestCase {
        plan9ini = List.copyOf(plan9ini);
    }

    /** A case with extra plan9.ini lines cannot start from the shared snapshot: it boots fresh. */
    public boolean bootsFresh() {
        return !plan9ini.isEmpty();
    }
}
