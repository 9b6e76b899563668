package dev.ants.harness.suite;

import java.util.List;

/**
 * One case of a suite: its steps (as a scenario named {@code suite.case}, with the suite's shell,
 * timeout and failure patterns), the extra plan9.ini lines and blank disks it boots with (none: it
 * starts from the suite's snapshot), and the models it is for (empty: all).
 *
 * @param disks  blank scratch disks attached after the guest's own, {@link #DISK_BYTES} each
 * @param models the hardware models the case runs on; elsewhere it is skipped with that reason
 */
public record TestCase(String name, List<String> plan9ini, int disks, List<String> models,
                       dev.ants.harness.scenario.Scenario scenario) {
    /** A blank disk's size: room for a small hjfs root made from the boot paq's programs. */
    public static final long DISK_BYTES = 64L << 20;

    public TestCase {
        plan9ini = List.copyOf(plan9ini);
        models = List.copyOf(models);
    }

    public TestCase(String name, List<String> plan9ini, dev.ants.harness.scenario.Scenario scenario) {
        this(name, plan9ini, 0, List.of(), scenario);
    }

    /** A case with extra plan9.ini lines or disks of its own cannot start from the shared snapshot: it boots fresh. */
    public boolean bootsFresh() {
        return !plan9ini.isEmpty() || disks > 0;
    }

    public boolean runsOn(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
