package dev.ants.cli;

import dev.ants.core.AntsException;
import dev.ants.harness.Runner;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How guests are run, for every command that boots one: models, accelerator, runner, timeouts, keeping. */
public final class MachineOptions {
    @Option(names = "--models-file", paramLabel = "FILE", description = "Extra hardware models, YAML or JSON (repeatable).")
    List<Path> modelFiles = new ArrayList<>();

    @Option(names = "--accel", defaultValue = "auto", description = "auto (default: KVM when a probe guest runs, else TCG), kvm or tcg.")
    String accel;

    @Option(names = "--runner", paramLabel = "R", defaultValue = "host",
            description = "host (default) or container (QEMU in a local Docker container via Testcontainers).")
    String runner;

    @Option(names = "--timeout-scale", paramLabel = "F",
            description = "Multiply every timeout by F (default: 1, and x3 more under TCG).")
    Double scale;

    @Option(names = "--keep", description = "Keep every run's directory (transcript, overlay, QEMU log), not only failures'.")
    public boolean keep;

    public ModelCatalog models() {
        return ModelCatalog.load(modelFiles);
    }

    public Accel accel() {
        return Accel.parse(accel);
    }

    public double timeoutScale() {
        if (scale == null) return 1;
        if (!(scale > 0) || scale > 1000) {
            throw AntsException.badInput("--timeout-scale " + scale + " is out of range", "use a factor between 0.1 and 1000");
        }
        return scale;
    }

    public Runner runner() {
        try {
            return Runner.valueOf(runner.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AntsException.badInput("--runner " + runner + " is unknown", "use host or container");
        }
    }
}
