package dev.ants.cli.commands;

import dev.ants.cli.OutputOptions;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the hardware models QEMU guests can run on (built-in plus --models-file).")
public final class ModelsCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Option(names = "--models-file", paramLabel = "FILE",
            description = "Extra models from a YAML or JSON file (repeatable); same name replaces a built-in.")
    List<Path> modelFiles = new ArrayList<>();

    @Override
    public void run() {
        List<HardwareModel> models = ModelCatalog.load(modelFiles).all();
        StringBuilder b = new StringBuilder(String.format("%-10s %-4s %-4s %-11s %-10s %4s %6s  %s%n",
                "NAME", "MACH", "FW", "DISK", "NIC", "CPUS", "MiB", "9FRONT DISK/NIC"));
        for (HardwareModel m : models) {
            b.append(String.format("%-10s %-4s %-4s %-11s %-10s %4d %6d  %s/%s%n", m.name(), m.machine(),
                    m.firmware(), m.disk(), m.nic(), m.cpus(), m.memoryMiB(), m.disk9(), m.nic9()));
        }
        out.print(Map.of("models", models), b.toString().stripTrailing());
    }
}
