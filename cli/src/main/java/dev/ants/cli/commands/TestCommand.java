package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.TimeoutOptions;
import dev.ants.core.AntsException;
import dev.ants.harness.model.ModelCatalog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the ANTS regression suites across hardware models; JUnit XML, JSON and transcripts in --report DIR.")
public final class TestCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TimeoutOptions timeouts;

    static final class Subject {
        @Option(names = "--tree", paramLabel = "T", description = "Build from this 9front tree, then test.")
        Path tree;

        @Option(names = "--image", paramLabel = "F", description = "Test an existing image.")
        Path image;
    }

    @ArgGroup(exclusive = true)
    Subject subject;

    @Option(names = "--suite", paramLabel = "NAME", description = "Suite to run (repeatable; default all).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--models", paramLabel = "a,b|all", defaultValue = "pc-virtio", description = "Models (default pc-virtio).")
    String models;

    @Option(names = "--models-file", paramLabel = "FILE", description = "Extra hardware models (repeatable).")
    List<Path> modelFiles = new ArrayList<>();

    @Option(names = "--jobs", defaultValue = "1", description = "Parallel guests (default 1).")
    int jobs;

    @Option(names = "--shard", paramLabel = "k/n", description = "Run only shard k of n (1-based) of the model x suite matrix.")
    String shard;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "ants-report", description = "Report directory (default ./ants-report).")
    Path report;

    @Override
    public void run() {
        if (subject == null || subject.image == null) Inputs.tree(subject == null ? null : subject.tree);
        else Inputs.existingFile(subject.image, "--image");
        ModelCatalog.load(modelFiles).select(models);
        if (jobs < 1) throw AntsException.badInput("--jobs " + jobs + " must be at least 1", "");
        if (shard != null && !shard.matches("[1-9]\\d*/[1-9]\\d*")) {
            throw AntsException.badInput("--shard " + shard + " is not k/n", "e.g. --shard 2/4 runs the second quarter");
        }
        Inputs.outputDir(report, "--report");
        timeouts.scaleOr(1);
        throw NotYet.fail("ants test");
    }
}
