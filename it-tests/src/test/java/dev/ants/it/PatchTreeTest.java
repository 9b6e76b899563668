package dev.ants.it;

import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.patch.PatchEngine;
import dev.ants.patch.PatchReport;
import dev.ants.patch.PatchRequest;
import dev.ants.patch.PatchSet;
import dev.ants.patch.PatchSetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repository's kernel patch set against a real 9front tree: it applies to a copy, is then seen as
 * already applied, and reversing it gives back every file byte for byte. The tree itself is only read.
 * Named *Test so Surefire's default includes run it; it skips, saying why, without ANTS_9FRONT_TREE.
 */
class PatchTreeTest {
    @TempDir
    Path work;

    @Test
    void appliesToACopyAndReversesToIdenticalFiles() throws IOException {
        Path treeDir = NineFrontTree.fromEnvironment();
        assumeTrue(treeDir != null,
                "ANTS_9FRONT_TREE is unset: set it to a 9front checkout to run this test, "
                        + "e.g. ANTS_9FRONT_TREE=/work/trees/9front-2025 mvn -pl it-tests -am test");
        Path repo = repo();
        assumeTrue(Files.isRegularFile(repo.resolve("kernel-patches/patches/series")),
                "kernel-patches/patches/series does not exist yet: no patch set to try");
        NineFrontTree tree = NineFrontTree.open(treeDir);
        PatchSet set = PatchSetSource.fromRepository(repo);
        PatchEngine engine = new PatchEngine();

        PatchReport check = engine.apply(PatchRequest.check(tree.root()).withPatchSet(set), Progress.SILENT);
        assertEquals("would-apply", check.result(), "the set must apply cleanly to " + tree);

        Path patched = work.resolve("patched");
        PatchReport applied = engine.apply(PatchRequest.copy(tree.root(), patched).withPatchSet(set), Progress.SILENT);
        assertEquals("applied", applied.result());
        System.out.printf("PatchTreeTest %s: applied %d patches to %d files; copy %d ms, total %d ms%n",
                tree, set.patches().size(), applied.files().size(), applied.copyMillis(), applied.totalMillis());
        for (PatchReport.FileReport f : applied.files()) {
            System.out.printf("  %-9s %s offsets %s%n", f.action(), f.path(),
                    f.hunks().stream().map(h -> Integer.toString(h.offset())).toList());
            Path orig = tree.resolve(f.path());
            Path now = patched.resolve(f.path());
            switch (f.action()) {
                case "created" -> assertTrue(Files.isRegularFile(now) && !Files.exists(orig), f.path());
                case "modified" -> assertFalse(Arrays.equals(Files.readAllBytes(orig), Files.readAllBytes(now)), f.path());
                default -> throw new AssertionError("unexpected action " + f.action() + " for " + f.path());
            }
        }

        PatchReport again = engine.apply(PatchRequest.check(patched).withPatchSet(set), Progress.SILENT);
        assertEquals("already-applied", again.result());

        PatchReport reversed = engine.apply(PatchRequest.inPlace(patched).reversed().withPatchSet(set), Progress.SILENT);
        assertEquals("reversed", reversed.result());
        System.out.printf("PatchTreeTest %s: reversed in place in %d ms%n", tree, reversed.totalMillis());
        assertSameTree(tree.root(), patched);
    }

    private static Path repo() {
        String r = System.getenv("ANTS_REPO");
        return (r != null ? Path.of(r) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** Every path, file mode and byte equal in both trees. */
    private static void assertSameTree(Path a, Path b) throws IOException {
        List<String> left = list(a);
        List<String> right = list(b);
        assertEquals(left, right, "the reversed copy has different paths than the tree");
        for (String rel : left) {
            Path x = a.resolve(rel);
            Path y = b.resolve(rel);
            if (Files.isDirectory(x)) continue;
            assertEquals(Files.getPosixFilePermissions(x), Files.getPosixFilePermissions(y), rel);
            assertEquals(-1L, Files.mismatch(x, y), "reversed file differs: " + rel);
        }
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            s.forEach(p -> out.add(root.relativize(p).toString()));
            out.sort(null);
            return out;
        }
    }
}
