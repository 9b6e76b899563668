package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.core.AntsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Builds a bootable ANTS disk image and FILE.json (its manifest).")
public final class ImageCommand implements Runnable {
    public enum Format { raw, qcow2 }

    public enum Fs { none, hjfs, gefs, cwfs }

    @Mixin
    OutputOptions out;

    @Option(names = "--tree", paramLabel = "T", description = "The 9front tree (default: $ANTS_9FRONT_TREE).")
    Path tree;

    @Option(names = "-o", paramLabel = "FILE", required = true, description = "The image file to write.")
    Path output;

    @Option(names = "--arch", paramLabel = "A", defaultValue = "amd64", converter = ArchConverter.class,
            description = "amd64 (default) or 386.")
    String arch;

    @Option(names = "--format", defaultValue = "raw", description = "raw (default) or qcow2.")
    Format format;

    @Option(names = "--size", defaultValue = "2G", description = "Disk size, e.g. 512M, 2G (default 2G).")
    String size;

    @Option(names = "--fs", defaultValue = "hjfs", description = "Root file system: none, hjfs (default), gefs, cwfs.")
    Fs fs;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Extra plan9.ini line (repeatable).")
    List<String> settings = new ArrayList<>();

    @Override
    public void run() {
        Inputs.tree(tree);
        Inputs.outputFile(output, "-o");
        SizeParser.bytes(size);
        for (String s : settings) {
            if (!s.matches("[^=\\s]+=.*")) {
                throw AntsException.badInput("--set " + s + " is not KEY=VALUE", "e.g. --set console=0");
            }
        }
        throw NotYet.fail("ants image");
    }
}
