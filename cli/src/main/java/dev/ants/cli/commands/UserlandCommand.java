package dev.ants.cli.commands;

import dev.ants.cli.Configure;
import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.ArchOption;
import dev.ants.cli.TreeOption;
import dev.ants.hostbuild.UserlandBuild;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "userland", mixinStandardHelpOptions = true,
        description = {"Builds the whole 9front userland from a tree (libraries, APE, all of sys/src/cmd,",
                "acme, games) into DIR laid out as a Plan 9 root, with DIR/userland.json."})
public final class UserlandCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    @Mixin
    ArchOption arch;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "Output directory (new, empty, or an earlier userland).")
    Path outDir;

    @Option(names = "--strict", description = "Stop at the first directory that fails, writing nothing (default: "
            + "build the rest, list failures in userland.json, exit 1).")
    boolean strict;

    @Override
    public void run() {
        var ants = Configure.ants(tree.given(), arch.arch(), out.progress()).strict(strict).build();
        Path dir = Inputs.outputDir(outDir, "-o");
        ants.tree().requireOutside(dir, "-o");
        long t0 = System.nanoTime();
        UserlandBuild.Result r = ants.userland(dir);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dir", r.dir().toString());
        summary.put("binaries", r.binaries());
        summary.put("files", r.files());
        summary.put("tolerated", r.tolerated());
        summary.put("failed", r.failed());
        summary.put("seconds", Math.round(secs * 10) / 10.0);
        StringBuilder human = new StringBuilder(String.format("%d binaries, %d files in %s (%.1f s)", r.binaries(), r.files(), r.dir(), secs));
        r.tolerated().forEach((d, why) -> human.append("\nknown failure ").append(d).append(": ").append(why));
        out.print(summary, human.toString());
        if (!r.ok()) throw new AntsException(ExitCode.CHECK_FAILED, UserlandBuild.describeFailures(r, null),
                "the rest was built and published; see the failing command above, and the build log under the cache");
    }
}
