package dev.ants.cli.commands;

import dev.ants.cli.ArchOption;
import dev.ants.cli.Configure;
import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.TreeOption;
import dev.ants.pipeline.Kernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Builds the ANTS kernel from a 9front tree: DIR/9pc64 (amd64) or DIR/9pc (386), plus DIR/kernel.json.")
public final class KernelCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    @Mixin
    ArchOption arch;

    @Option(names = "--no-patches", description = "Build the stock kernel, without kernel-patches/ and plan9rc/.")
    boolean noPatches;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "Output directory.")
    Path outDir;

    @Override
    public void run() {
        var ants = Configure.ants(tree.given(), arch.arch(), out.progress()).stock(noPatches).build();
        Path dir = Inputs.outputDir(outDir, "-o");
        ants.tree().requireOutside(dir, "-o");
        long t0 = System.nanoTime();
        Kernel k = ants.kernel(dir);
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kernel", k.file().toString());
        summary.put("seconds", Math.round(secs * 10) / 10.0);
        summary.put("manifest", k.manifest());
        out.print(summary, String.format("%s built in %.1f s (%s)", k.file(), secs, noPatches ? "stock" : "with the ANTS patches"));
    }
}
