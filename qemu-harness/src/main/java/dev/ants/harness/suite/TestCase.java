package dev.ants.harness.suite;

import java.nio.file.Path;
import java.util.List;

/**
 * One case of a suite: its steps (as a scenario named {@code suite.case}, with the suite's shell,
 * timeout and failure patterns), what it boots with beyond the guest ({@link Fresh}; nothing: it
 * starts from the suite's snapshot), and the models it is for (empty: all).
 *
 * @param models the hardware models the case runs on; elsewhere it is skipped with that reason
 */
public record TestCase(String name, Fresh fresh, List<String> models, dev.ants.harness.scenario.Scenario scenario) {
    /** A blank disk's size: room for a small hjfs root made from the boot paq's programs. */
    public static final long DISK_BYTES = 64L << 20;

    /**
     * What a case boots with of its own, so that it boots fresh rather than from the snapshot.
     *
     * @param plan9ini   lines added to the guest's plan9.ini
     * @param disks      blank scratch disks attached after the guest's own, {@link #DISK_BYTES} each
     * @param fileServer a host directory served read-only over 9P to the guest (at 10.0.2.100!564), or null
     */
    public record Fresh(List<String> plan9ini, int disks, Path fileServer) {
        public static final Fresh NONE = new Fresh(List.of(), 0, null);

        public Fresh {
            plan9ini = List.copyOf(plan9ini);
        }

        public boolean any() {
            return !plan9ini.isEmpty() || disks > 0 || fileServer != null;
        }
    }

    public TestCase {
        models = List.copyOf(models);
    }

    public TestCase(String name, dev.ants.harness.scenario.Scenario scenario) {
        this(name, Fresh.NONE, List.of(), scenario);
    }

    public List<String> plan9ini() {
        return fresh.plan9ini();
    }

    public int disks() {
        return fresh.disks();
    }

    /** A case with a setup of its own cannot start from the shared snapshot: it boots fresh. */
    public boolean bootsFresh() {
        return fresh.any();
    }

    public boolean runsOn(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
