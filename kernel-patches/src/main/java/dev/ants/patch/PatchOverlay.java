package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.FileLocks;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The patched view of a tree as an overlay: only the files the set changes or creates, written into a
 * directory of their own, for a build that reads the tree read-only and the overlay on top. Unlike a
 * patched copy (a 190 MB tree, new mtimes everywhere, so every later build starts cold) an overlay is a
 * handful of files, and a file whose patched content did not change keeps its mtime, so mk rebuilds only
 * what a changed patch touches.
 */
public final class PatchOverlay {
    /**
     * @param patches the set's patch names
     * @param files   paths (relative to the tree) present in the overlay
     * @param treeAlreadyPatched the tree itself carries the set; the overlay is then empty
     * @param variants which variant of each patch with variants fits the tree
     */
    public record Result(String fingerprint, List<String> patches, List<String> files, boolean treeAlreadyPatched,
                         List<PatchReport.VariantReport> variants) {
    }

    private PatchOverlay() {
    }

    public static Result write(Path tree, PatchSet set, Path overlayDir) {
        Path root = NineFrontTree.open(tree).root();
        Plan plan = Planner.plan(new TreeReader(root), set, false);
        // the diffs that fit this tree: a patch's name, or the name of its variant that applied
        List<String> names = new ArrayList<>();
        for (PatchSet.Patch p : set.patches()) {
            String name = p.name();
            for (PatchReport.VariantReport v : plan.variants()) if (v.patch().equals(p.name())) name = v.applied();
            names.add(name);
        }
        for (PatchSet.NewFile f : set.newFiles()) names.add(f.source());
        try {
            Files.createDirectories(overlayDir);
            // builds of one tree share the overlay: one writes it at a time, the next finds it done
            try (FileLocks.Held lock = FileLocks.acquire(overlayDir.resolveSibling(overlayDir.getFileName() + ".lock"))) {
                return write(plan, set, names, overlayDir);
            }
        } catch (IOException e) {
            throw AntsException.environment("cannot write the patch overlay " + overlayDir + ": " + e.getMessage(),
                    "check free space and permissions");
        }
    }

    private static Result write(Plan plan, PatchSet set, List<String> names, Path overlayDir) throws IOException {
        Set<String> keep = new HashSet<>();
        for (Plan.Change c : plan.changes()) {
            if (c.deletes()) {
                throw AntsException.badInput("the patch set deletes " + c.path() + ", which an overlay cannot express",
                        "build from a patched copy made with 'ants patch -o DIR' instead");
            }
            keep.add(c.path());
            put(overlayDir.resolve(c.path()), c.after(), c.mode());
        }
        prune(overlayDir, keep);
        return new Result(set.fingerprint(), names, keep.stream().sorted().toList(), plan.alreadyDone(), plan.variants());
    }

    /** Writes {@code content} unless the file already holds it, so unchanged files keep their mtime. */
    private static void put(Path file, byte[] content, int mode) throws IOException {
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) return;
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".ants-tmp");
        Files.write(tmp, content);
        FileModes.set(tmp, mode);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes files a previous version of the set put there and this one does not. */
    private static void prune(Path dir, Set<String> keep) throws IOException {
        List<Path> stale;
        try (Stream<Path> s = Files.walk(dir)) {
            stale = s.filter(Files::isRegularFile)
                    .filter(p -> !keep.contains(dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
        for (Path p : stale) Files.delete(p);
    }
}
