package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.TreeOption;
import dev.ants.core.AntsException;
import dev.ants.patch.PatchEngine;
import dev.ants.patch.PatchReport;
import dev.ants.patch.PatchRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Applies kernel-patches/ and installs plan9rc/ into a copy (default) of a 9front tree.")
public final class PatchCommand implements Runnable {
    @Mixin
    OutputOptions out;

    @Mixin
    TreeOption tree;

    static final class Target {
        @Option(names = "-o", paramLabel = "DIR", description = "Write the patched copy here (default).")
        Path outDir;

        @Option(names = "--in-place", description = "Change the tree itself.")
        boolean inPlace;
    }

    @ArgGroup(exclusive = true)
    Target target;

    @Option(names = "--check", description = "Only report whether the patch set applies; change nothing.")
    boolean check;

    @Option(names = "--dry-run", description = "Report what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--reverse", description = "Undo the patch set (byte-identical to the original files).")
    boolean reverse;

    @Override
    public void run() {
        Path root = tree.root();
        boolean inPlace = target != null && target.inPlace;
        Path outDir = target == null ? null : target.outDir;
        if (!inPlace && outDir == null && !check && !dryRun) {
            throw AntsException.badInput("say where the patched tree goes: -o DIR, or --in-place",
                    "e.g. ants patch --tree T -o /tmp/ants-tree");
        }
        if (outDir != null) Inputs.outputDir(outDir, "-o");
        boolean checkOnly = check || dryRun;
        PatchRequest req = new PatchRequest(root, checkOnly ? null : outDir, inPlace && !checkOnly,
                checkOnly, reverse, null);
        PatchReport r = new PatchEngine().apply(req, out.progress());
        out.print(r, human(r));
    }

    private static String human(PatchReport r) {
        StringBuilder b = new StringBuilder();
        for (PatchReport.FileReport f : r.files()) {
            int moved = 0;
            for (PatchReport.HunkReport h : f.hunks()) moved = Math.max(moved, Math.abs(h.offset()));
            b.append(String.format("%-9s %s (+%d -%d)%s%n", f.action(), f.path(), f.linesAdded(), f.linesRemoved(),
                    moved > 0 ? ", a hunk moved by up to " + moved + " lines" : ""));
        }
        for (PatchReport.VariantReport v : r.variants()) b.append("variant   ").append(v.describe()).append('\n');
        b.append(r.result()).append(r.output() == null ? "" : ": " + r.output());
        return b.toString();
    }
}
