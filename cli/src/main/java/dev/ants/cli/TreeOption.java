package dev.ants.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --tree for every command that reads a 9front tree. */
public final class TreeOption {
    @Option(names = "--tree", paramLabel = "T", description = "The 9front tree (default: $ANTS_9FRONT_TREE).")
    Path tree;

    /** The tree's root, validated (bad input, exit 2, when it is missing or not a 9front tree). */
    public Path root() {
        return Inputs.tree(tree).root();
    }

    /** The tree as given, unvalidated (null when neither --tree nor ANTS_9FRONT_TREE is set). */
    public Path given() {
        return tree;
    }
}
