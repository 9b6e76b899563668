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
        description = {"Builds the ANTS kernel from a 9front tree: DIR/9pc64 (amd64) or DIR/9pc (386), plus DIR/kernel.json.",
                "--config builds another kernel of the tree, for any architecture the host toolchain targets",
                "(amd64, 386, arm, arm64): e.g. --config bcm (9pi2), bcm64 (9pi3), bcm64/pi4 (9pi4), arm64 (9qemu)."})
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

    @Option(names = "--config", paramLabel = "DIR[/CONF]",
            description = "Kernel directory under sys/src/9 and configuration (default: its mkfile's CONF); "
                    + "replaces --arch, the architecture is the mkfile's objtype.")
    String config;

    @Override
    public void run() {
        var ants = Configure.ants(tree.given(), arch.arch(), out.progress()).stock(noPatches).kernelConfig(config).build();
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
