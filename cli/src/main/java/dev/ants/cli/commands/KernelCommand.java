package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Builds the ANTS kernel from a 9front tree: DIR/9pc64 (amd64) or DIR/9pc (386), plus DIR/kernel.json.")
public final class KernelCommand implements Runnable {

    @Mixin
    OutputOptions out;

    @Option(names = "--tree", paramLabel = "T", description = "The 9front tree (default: $ANTS_9FRONT_TREE).")
    Path tree;

    @Option(names = "--arch", paramLabel = "A", defaultValue = "amd64",
            description = "amd64 (default) or 386.", converter = ArchConverter.class)
    String arch;

    @Option(names = "--no-patches", description = "Build the stock kernel, without kernel-patches/ and plan9rc/.")
    boolean noPatches;

    @Option(names = "-o", paramLabel = "DIR", required = true, description = "Output directory.")
    Path outDir;

    @Override
    public void run() {
        Inputs.tree(tree);
        Inputs.outputDir(outDir, "-o");
        throw NotYet.fail("ants kernel");
    }
}
