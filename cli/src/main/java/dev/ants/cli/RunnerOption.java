package dev.ants.cli;

import dev.ants.core.AntsException;
import dev.ants.harness.Runner;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Where QEMU runs: on this host, or inside a Docker container made from this host's QEMU. */
public final class RunnerOption {
    @Option(names = "--runner", paramLabel = "R", defaultValue = "host",
            description = "host (default) or container (QEMU in a local Docker container via Testcontainers).")
    String runner;

    public Runner runner() {
        try {
            return Runner.valueOf(runner.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AntsException.badInput("--runner " + runner + " is unknown", "use host or container");
        }
    }
}
