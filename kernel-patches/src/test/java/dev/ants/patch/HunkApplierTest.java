package dev.ants.patch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HunkApplierTest {
    private static List<Hunk> hunks(String diff) {
        return new UnifiedDiffParser().parse("t.diff", diff.getBytes(StandardCharsets.UTF_8)).get(0).hunks();
    }

    private static List<String> lines(String text) {
        return Lines.split(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String DIFF = """
            --- a/f.c
            +++ b/f.c
            @@ -3,3 +3,4 @@
             int b;
             int c;
            +int added;
             int d;
            """;

    @Test
    void appliesAtTheRecordedLine() throws Exception {
        HunkApplier.Result r = HunkApplier.apply(lines("int a;\n/**/\nint b;\nint c;\nint d;\n"), hunks(DIFF));
        assertEquals("int a;\n/**/\nint b;\nint c;\nint added;\nint d;\n", new String(Lines.join(r.lines()), StandardCharsets.UTF_8));
        assertEquals(List.of(0), r.offsets());
    }

    @Test
    void findsMovedHunksNearestFirstInBothDirections() throws Exception {
        String moved = "x\nx\nx\nx\nx\nint a;\n/**/\nint b;\nint c;\nint d;\n";
        assertEquals(List.of(5), HunkApplier.apply(lines(moved), hunks(DIFF)).offsets());
        String earlier = "int b;\nint c;\nint d;\n";
        assertEquals(List.of(-2), HunkApplier.apply(lines(earlier), hunks(DIFF)).offsets());
    }

    @Test
    void prefersTheNearerOfTwoMatches() throws Exception {
        List<String> file = new ArrayList<>();
        for (int i = 0; i < 40; i++) file.add("pad" + i + "\n");
        file.addAll(1, lines("int b;\nint c;\nint d;\n"));   // 1 line before the recorded spot (index 2)
        file.addAll(30, lines("int b;\nint c;\nint d;\n"));  // far after it
        assertEquals(List.of(-1), HunkApplier.apply(file, hunks(DIFF)).offsets());
    }

    @Test
    void offsetCarriesOverToLaterHunksAndHunksNeverOverlap() throws Exception {
        String diff = """
                --- a/f
                +++ b/f
                @@ -1,2 +1,3 @@
                 same
                +one
                 same
                @@ -3,2 +4,3 @@
                 same
                +two
                 same
                """;
        // Four identical lines: the second hunk must match after the first, not on top of it.
        HunkApplier.Result r = HunkApplier.apply(lines("same\nsame\nsame\nsame\n"), hunks(diff));
        assertEquals("same\none\nsame\nsame\ntwo\nsame\n", new String(Lines.join(r.lines()), StandardCharsets.UTF_8));
    }

    @Test
    void fuzzZeroRefusesAChangedContextLine() {
        HunkApplier.Conflict c = assertThrows(HunkApplier.Conflict.class,
                () -> HunkApplier.apply(lines("int a;\n/**/\nint b;\nint C;\nint d;\n"), hunks(DIFF)));
        assertEquals(0, c.hunkIndex);
        assertEquals(2, c.nearest);
        assertEquals(lines("int b;\nint C;\nint d;\n"), c.found);
    }

    @Test
    void lineWithoutNewlineOnlyMatchesTheEndOfTheFile() throws Exception {
        String diff = """
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """;
        HunkApplier.Result r = HunkApplier.apply(lines("a\nb"), hunks(diff));
        assertEquals("a\nb\n", new String(Lines.join(r.lines()), StandardCharsets.UTF_8));
        // The same lines, but with a newline at the end: not the file the diff was made on.
        assertThrows(HunkApplier.Conflict.class, () -> HunkApplier.apply(lines("a\nb\n"), hunks(diff)));
    }
}
