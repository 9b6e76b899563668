package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnifiedDiffParserTest {
    private static List<FilePatch> parse(String diff) {
        return new UnifiedDiffParser().parse("t.diff", diff.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsFilesHunksAndStripsOneComponent() {
        List<FilePatch> fps = parse("""
                diff --git a/src/x.c b/src/x.c
                index 123..456 100644
                --- a/src/x.c\t2024-01-01 00:00:00
                +++ b/src/x.c\t2024-01-02 00:00:00
                @@ -1,3 +1,4 @@ int main(void)
                 a
                -b
                +B
                +C
                 c
                @@ -10 +11 @@
                -z
                +Z
                --- a/y.h
                +++ b/y.h
                @@ -0,0 +1 @@
                +new
                """);
        assertEquals(2, fps.size());
        FilePatch x = fps.get(0);
        assertEquals("src/x.c", x.path());
        assertEquals(2, x.hunks().size());
        Hunk h = x.hunks().get(0);
        assertEquals("@@ -1,3 +1,4 @@ int main(void)", h.header());
        assertEquals(List.of("a\n", "b\n", "c\n"), h.oldLines());
        assertEquals(List.of("a\n", "B\n", "C\n", "c\n"), h.newLines());
        assertEquals("@@ -10,1 +11,1 @@", x.hunks().get(1).header());
        assertFalse(x.creates());
    }

    @Test
    void newAndDeletedFiles() {
        List<FilePatch> fps = parse("""
                --- /dev/null
                +++ b/dir/new.c
                @@ -0,0 +1,2 @@
                +one
                +two
                --- a/old.c
                +++ /dev/null
                @@ -1 +0,0 @@
                -gone
                """);
        assertTrue(fps.get(0).creates());
        assertNull(fps.get(0).oldPath());
        assertEquals("dir/new.c", fps.get(0).path());
        assertTrue(fps.get(1).deletes());
        assertEquals("old.c", fps.get(1).path());
    }

    @Test
    void noNewlineMarkerDropsTheTerminatorOfTheLineBefore() {
        FilePatch fp = parse("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 keep
                -last
                \\ No newline at end of file
                +last
                """).get(0);
        Hunk h = fp.hunks().get(0);
        assertEquals(List.of("keep\n", "last"), h.oldLines());
        assertEquals(List.of("keep\n", "last\n"), h.newLines());
    }

    @Test
    void miscountedHunkIsABrokenPatchNamingTheLine() {
        AntsException e = assertThrows(AntsException.class, () -> parse("""
                --- a/f
                +++ b/f
                @@ -1,3 +1,3 @@
                 a
                -b
                +B
                """));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("t.diff line 3"), e.getMessage());
    }

    @Test
    void pathsLeavingTheTreeAreRefused() {
        AntsException e = assertThrows(AntsException.class, () -> parse("""
                --- a/../etc/passwd
                +++ b/../etc/passwd
                @@ -1 +1 @@
                -x
                +y
                """));
        assertTrue(e.getMessage().contains("leaves the tree"), e.getMessage());
    }

    @Test
    void textWithoutFileHeadersIsRefused() {
        AntsException e = assertThrows(AntsException.class, () -> parse("just words\n"));
        assertTrue(e.getMessage().contains("no \"--- / +++\" file headers"), e.getMessage());
    }

    @Test
    void reversedHunkSwapsSides() {
        Hunk h = parse("""
                --- a/f
                +++ b/f
                @@ -5,2 +7,3 @@
                 a
                +b
                 c
                """).get(0).hunks().get(0).reversed();
        assertEquals("@@ -7,3 +5,2 @@", h.header());
        assertEquals(List.of("a\n", "b\n", "c\n"), h.oldLines());
        assertEquals(List.of("a\n", "c\n"), h.newLines());
    }
}
