package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 #1 and #6: a failed or killed run leaves nothing that looks done, and the hint points the right way. */
class BuildFailureTest {
    @TempDir
    Path tmp;

    private BuildRoot root(Path overlay) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        BuildRoot b = new BuildRoot(tree, tmp.resolve("build"), overlay);
        for (String rel : BuildRoot.SHADOWED) Files.createDirectories(b.shadow(rel));
        Files.createDirectories(b.shadow("amd64/lib"));
        return b;
    }

    @Test
    void whatAFailedRunWroteIsRemovedAndOlderOutputsAndLinksStay() throws Exception {
        BuildRoot b = root(null);
        Path old = Files.writeString(b.shadow("amd64/lib/libmp.a"), "!<arch>\n...");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Path link = Files.createSymbolicLink(b.shadow("sys/src/x.c"), tmp.resolve("tree/x.c"));
        // the run before wrote its output just now, in the same clock tick as the marker, maybe
        Path before = Files.writeString(b.shadow("amd64/lib/mbr"), "boot code");
        FileTime start = UnfinishedRun.begin(b);
        Thread.sleep(20);                             // mk writes after a process start
        Path half = Files.writeString(b.shadow("amd64/lib/libc.a"), "!<arch>\nhalf");
        List<String> removed = UnfinishedRun.removeWrittenSince(b, start);
        assertEquals(List.of("/amd64/lib/libc.a"), removed);
        assertFalse(Files.exists(half));
        assertTrue(Files.exists(old));
        assertTrue(Files.exists(before), "the run before's output stays");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aKilledRunsOutputsAreRemovedByTheNextBuild() throws Exception {
        BuildRoot b = root(null);
        UnfinishedRun.begin(b);                       // and then the JVM was killed: no end()
        Thread.sleep(20);
        Files.writeString(b.shadow("amd64/lib/libc.a"), "half");
        assertEquals(List.of("/amd64/lib/libc.a"), UnfinishedRun.recover(b));
        assertEquals(List.of(), UnfinishedRun.recover(b), "once recovered, nothing more to do");
    }

    @Test
    void aFullDiskSaysSoAndNeverBlamesThePatch() throws Exception {
        String h = BuildFailureCause.hint("ar: writing libc.a: No space left on device\n", root(null), "/sys/src/libc");
        assertTrue(h.startsWith("the disk is full"), h);
        assertFalse(h.contains("patch"), h);
    }

    @Test
    void aCompileErrorNamesTheFileAndWhetherThePatchSetChangesIt() throws Exception {
        Path overlay = Files.createDirectories(tmp.resolve("overlay/sys/src/9/port"));
        Files.writeString(overlay.resolve("devproc.c"), "a\nadded\nb\nc\n");
        BuildRoot b = root(tmp.resolve("overlay"));
        Path mine = Files.createDirectories(b.tree().resolve("sys/src/9/port")).resolve("devproc.c");
        Files.writeString(mine, "a\nb\nc\n");
        String patched = BuildFailureCause.hint("../port/devproc.c:3 syntax error, last name: x\n", b, "/sys/src/9/pc64");
        assertTrue(patched.startsWith("sys/src/9/port/devproc.c is a file the patch set changes, and line 3 is a line of its patched copy"),
                patched);
        assertTrue(patched.contains("which is line 2 of your " + mine), "mapped back to the user's file: " + patched);
        String added = BuildFailureCause.hint("../port/devproc.c:2 syntax error\n", b, "/sys/src/9/pc64");
        assertTrue(added.contains("a line the patch set adds to your " + mine), added);
        String own = BuildFailureCause.hint("../port/chan.c:88 syntax error\n", b, "/sys/src/9/pc64");
        assertTrue(own.startsWith("sys/src/9/port/chan.c is the tree's own file, which the patch set does not touch"), own);
    }
}
