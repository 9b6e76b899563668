package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "toolchain", mixinStandardHelpOptions = true,
        description = "Builds the host Plan 9 toolchain (mk, rc, 6c/6a/6l, 8c/8a/8l, ...) from a 9front tree; cached.")
public final class ToolchainCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Option(names = "--tree", paramLabel = "T", description = "The 9front tree (default: $ANTS_9FRONT_TREE).")
    Path tree;

    @Override
    public void run() {
        Inputs.tree(tree);
        throw NotYet.fail("ants toolchain");
    }
}
