package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.ArchOption;
import dev.ants.cli.TreeOption;
import dev.ants.core.Json;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.hostbuild.KernelConfig;
import dev.ants.core.host.Parallelism;
import dev.ants.patch.PatchSetSource;
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
        Path root = tree.root();
        Path out = Inputs.outputDir(outDir, "-o");
        long t0 = System.nanoTime();
        KernelConfig kc = config != null ? KernelConfig.parse(root, config) : arch.arch().defaultConfig();
        Path kernel = KernelBuild.build(root, kc, out, HostToolchain.defaultCacheRoot(), Parallelism.defaultJobs(),
                noPatches ? null : PatchSetSource.builtIn(), this.out.progress());
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kernel", kernel.toString());
        summary.put("seconds", Math.round(secs * 10) / 10.0);
        summary.put("manifest", Json.readTree(out.resolve("kernel.json")));
        this.out.print(summary, String.format("%s built in %.1f s (%s)", kernel, secs, noPatches ? "stock" : "with the ANTS patches"));
    }
}
