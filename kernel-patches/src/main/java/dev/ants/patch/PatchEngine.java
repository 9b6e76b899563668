package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * `ants patch`: applies (or reverses) a patch set to a copy of a 9front tree, or to the tree itself.
 * Every change is computed in memory first, so a patch that does not apply writes nothing. A copy is
 * built under a hidden staging name next to the output and renamed into place only when complete; an
 * in-place run is journaled by {@link TreeWriter}.
 */
public final class PatchEngine {
    private final TreeWriter.Hook hook;

    public PatchEngine() {
        this(TreeWriter.Hook.NONE);
    }

    /** For tests: {@code hook} runs after each file is written, e.g. to simulate a crash. */
    PatchEngine(TreeWriter.Hook hook) {
        this.hook = hook;
    }

    public PatchReport apply(PatchRequest req, Progress progress) {
        long start = System.nanoTime();
        NineFrontTree tree = NineFrontTree.open(req.tree());
        Path root = tree.root();
        if (!req.check() && !req.inPlace() && req.outDir() == null) {
            throw AntsException.badInput("no output directory given", "pass -o DIR for a patched copy, or --in-place to change the tree");
        }
        PatchSet set;
        try (Progress p = progress.child("read patch set")) {
            set = req.patchSet() != null ? req.patchSet() : PatchSetSource.builtIn();
        }

        List<String> recovered = List.of();
        if (req.inPlace() && !req.check()) {
            recovered = recover(root, progress);
        } else if (TreeWriter.hasJournal(root)) {
            throw AntsException.badInput("the tree " + root + " holds the journal of an interrupted `ants patch --in-place`,"
                    + " so some of its files may be half-patched",
                    // not "the same command with --in-place": with --check that refuses again, and loops
                    "run 'ants patch --tree " + root + " --in-place' (no --check, no -o): it rolls the interrupted run"
                            + " back first, then patches; or use a clean tree");
        }

        Plan plan;
        try (Progress p = progress.child("plan")) {
            plan = Planner.plan(new TreeReader(root), set, req.reverse());
        }

        String mode = req.check() ? "check" : req.inPlace() ? "in-place" : "copy";
        String output = null;
        long copyMillis = 0;
        try {
            if (req.inPlace() && !req.check()) {
                write(root, plan, progress);
                output = root.toString();
            } else if (!req.check()) {
                Path out = outputDir(tree, req.outDir());
                Path staging = staging(out, progress);
                // a signal ends the JVM through shutdown hooks only: the partial copy goes there too
                try (Cleanup.Registration r = Cleanup.onExit("remove " + staging, () -> FileTrees.deleteQuietly(staging))) {
                    long t = System.nanoTime();
                    copy(root, staging, progress);
                    copyMillis = (System.nanoTime() - t) / 1_000_000;
                    write(staging, plan, progress);
                    if (Files.isDirectory(out)) Files.delete(out);  // checked empty by outputDir
                    Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException | Error e) {
                    try {
                        FileTrees.deleteTree(staging);
                    } catch (IOException again) {
                        e.addSuppressed(again);
                    }
                    throw e;
                }
                output = out.toString();
            }
        } catch (IOException e) {
            throw AntsException.environment("writing the patched tree failed: " + e
                    + (req.inPlace() ? "; every file was restored" : "; nothing was left behind"),
                    "check free disk space and permissions, then run again");
        }

        List<String> patches = new ArrayList<>();
        for (PatchSet.Patch p : set.patches()) patches.add(p.name());
        for (PatchSet.NewFile f : set.newFiles()) patches.add(f.source());
        return new PatchReport(root.toString(), output, mode, req.reverse() ? "reverse" : "apply",
                result(req, plan), !plan.alreadyDone() && !plan.changes().isEmpty(), set.origin(), set.fingerprint(),
                patches, plan.files(), recovered, plan.notes(), copyMillis, (System.nanoTime() - start) / 1_000_000,
                plan.variants());
    }

    private void write(Path root, Plan plan, Progress progress) throws IOException {
        try (Progress p = progress.child("write", plan.changes().size())) {
            long[] n = {0};
            TreeWriter.write(root, plan.changes(), path -> {
                p.advance(++n[0], path);
                hook.afterFile(path);
            });
        }
    }

    /** Real copies, not hard links: a later write to either tree must never show up in the other. */
    static void copy(Path from, Path to, Progress progress) throws IOException {
        long total;
        try (var s = Files.walk(from)) {
            total = s.count();
        }
        try (Progress p = progress.child("copy tree", total)) {
            FileTrees.copyTree(from, to, n -> {
                if (n % 500 == 0 || n == total) p.advance(n, "");
            });
        }
    }

    private static List<String> recover(Path root, Progress progress) {
        try {
            List<String> restored = TreeWriter.recover(root);
            if (!restored.isEmpty()) {
                progress.note("rolled back an interrupted earlier run: restored " + restored.size() + " file(s) in " + root);
            }
            return restored;
        } catch (IOException e) {
            throw AntsException.environment("cannot roll back the interrupted run journaled in "
                    + root.resolve(TreeWriter.JOURNAL) + ": " + e, "check free disk space and permissions, then run again");
        }
    }

    private static String result(PatchRequest req, Plan plan) {
        String verb = req.reverse() ? "reverse" : "apply";
        if (plan.alreadyDone()) return req.reverse() ? "already-reversed" : "already-applied";
        if (plan.changes().isEmpty()) return req.check() ? "would-do-nothing" : "nothing-to-do";
        if (req.check()) return "would-" + verb;
        return req.reverse() ? "reversed" : "applied";
    }

    /** Validates -o: not overlapping the tree, even through links; absent or an empty directory. */
    private static Path outputDir(NineFrontTree tree, Path requested) throws IOException {
        Path out = requested.toAbsolutePath().normalize();
        tree.requireOutside(out, "-o");
        if (Files.exists(out)) {
            boolean empty = false;
            if (Files.isDirectory(out)) {
                try (var s = Files.list(out)) {
                    empty = s.findAny().isEmpty();
                }
            }
            if (!empty) {
                throw AntsException.badInput("the output directory " + out + " already exists and is not empty",
                        "remove it or pass another -o DIR");
            }
        }
        return out;
    }

    /** A hidden sibling of the output owned by this process; killed runs' leftovers go first. */
    private static Path staging(Path out, Progress progress) throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        for (Path p : Leftovers.removeStale(parent)) progress.note("removed " + p + ", left by a run that was killed");
        return parent.resolve(Leftovers.tempName(out.getFileName().toString()));
    }
}
