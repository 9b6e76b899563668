package dev.ants.harness.suite;

import dev.ants.harness.scenario.Scenario;

import java.util.List;

/**
 * A suite: boot steps run once per model after power-on (then the machine is snapshotted), and cases
 * that each start from that snapshot, or from a fresh boot running the boot steps themselves when the
 * target cannot snapshot or the case needs its own plan9.ini.
 *
 * @param boot the boot steps as a scenario, or null when the suite has none (each case boots fresh)
 */
public record TestSuite(String name, Scenario boot, List<TestCase> cases, String source) {
    public TestSuite {
        cases = List.copyOf(cases);
    }

    /** The case's name in reports: {@code suite.case}, or the suite's name for its only case of that name. */
    public String testName(TestCase c) {
        return c.name().equals(name) ? name : name + "." + c.name();
    }

    /** The case as one scenario from power-on: the boot steps, then the case's. */
    public Scenario fromPowerOn(TestCase c) {
        return boot == null ? c.scenario() : boot.then(c.scenario());
    }
}
