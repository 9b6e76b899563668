package dev.ants.core.tree;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class NineFrontTreeTest {
    static Path skeleton(Path root) throws Exception {
        for (String rel : NineFrontTree.REQUIRED) {
            Path p = root.resolve(rel);
            if (rel.contains(".") || rel.endsWith("pc64/pc64")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "");
            } else {
                Files.createDirectories(p);
            }
        }
        return root;
    }

    @Test
    void acceptsATreeWithTheRequiredFiles(@TempDir Path tmp) throws Exception {
        NineFrontTree t = NineFrontTree.open(skeleton(tmp.resolve("t")));
        assertEquals(tmp.resolve("t").toAbsolutePath(), t.root());
    }

    @Test
    void namesTheFirstMissingFile(@TempDir Path tmp) throws Exception {
        Path root = skeleton(tmp.resolve("t"));
        Files.delete(root.resolve("sys/src/9/port/devproc.c"));
        AntsException e = assertThrows(AntsException.class, () -> NineFrontTree.open(root));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().endsWith("sys/src/9/port/devproc.c is missing"), e.getMessage());
    }

    @Test
    void nullAndFileAreBadInput(@TempDir Path tmp) throws Exception {
        assertEquals(ExitCode.BAD_INPUT, assertThrows(AntsException.class, () -> NineFrontTree.open(null)).exitCode());
        Path f = Files.writeString(tmp.resolve("f"), "");
        assertTrue(assertThrows(AntsException.class, () -> NineFrontTree.open(f)).getMessage().contains("not a directory"));
    }

    @Test
    void readsGitRevisionFromLooseAndPackedRefs(@TempDir Path tmp) throws Exception {
        Path root = skeleton(tmp.resolve("t"));
        assertNull(NineFrontTree.open(root).gitRevision());
        Path git = Files.createDirectories(root.resolve(".git/refs/heads"));
        Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/front\n");
        Files.writeString(root.resolve(".git/packed-refs"), "# pack-refs\n" + "a".repeat(40) + " refs/heads/front\n");
        assertEquals("a".repeat(40), NineFrontTree.open(root).gitRevision());
        Files.writeString(git.resolve("front"), "b".repeat(40) + "\n");
        assertEquals("b".repeat(40), NineFrontTree.open(root).gitRevision());
    }

    @Test
    void anOutputInsideOrAroundTheTreeIsRefusedEvenThroughLinks(@TempDir Path tmp) throws Exception {
        NineFrontTree t = NineFrontTree.open(skeleton(tmp.resolve("t")));
        Path link = Files.createSymbolicLink(tmp.resolve("l"), tmp.resolve("t"));
        for (Path bad : new Path[] {tmp.resolve("t/out"), link.resolve("new/sub"), tmp, link}) {
            AntsException e = assertThrows(AntsException.class, () -> t.requireOutside(bad, "-o"), bad.toString());
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        }
        t.requireOutside(tmp.resolve("elsewhere/out"), "-o");
        t.requireOutside(tmp.resolve("t2"), "-o"); // a sibling whose name starts like the tree's
    }
}
