package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatchedLinesTest {
    private static List<String> lines(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void linesAroundTwoHunksMapToTheUsersAndAddedLinesToZero() {
        List<String> mine = lines(100);
        List<String> patched = new ArrayList<>(mine);
        patched.remove(49);                              // the patch drops line 50
        patched.addAll(49, List.of("new a", "new b"));   // and adds two in its place
        patched.add(10, "new c");                        // and one after line 10
        assertEquals(10, PatchedLines.original(mine, patched, 10), "before every hunk");
        assertEquals(0, PatchedLines.original(mine, patched, 11), "the line added after line 10");
        assertEquals(11, PatchedLines.original(mine, patched, 12));
        assertEquals(49, PatchedLines.original(mine, patched, 50));
        assertEquals(0, PatchedLines.original(mine, patched, 51));
        assertEquals(0, PatchedLines.original(mine, patched, 52));
        assertEquals(51, PatchedLines.original(mine, patched, 53), "after the replaced line, one line on");
        assertEquals(100, PatchedLines.original(mine, patched, 102), "the last line");
    }

    @Test
    void repeatedLinesStillMapInOrder() {
        List<String> mine = List.of("{", "}", "{", "}", "x");
        List<String> patched = List.of("{", "}", "added", "{", "}", "x");
        assertEquals(3, PatchedLines.original(mine, patched, 4));
        assertEquals(0, PatchedLines.original(mine, patched, 3));
        assertEquals(5, PatchedLines.original(mine, patched, 6));
    }

    @Test
    void outOfRangeOrTooMuchChangedIsUnknown() {
        List<String> mine = lines(5);
        assertEquals(-1, PatchedLines.original(mine, mine, 0));
        assertEquals(-1, PatchedLines.original(mine, mine, 6));
        List<String> a = lines(PatchedLines.MAX_MIDDLE + 10);
        List<String> b = new ArrayList<>(a);
        b.set(0, "changed first");
        b.set(b.size() - 1, "changed last");
        assertEquals(-1, PatchedLines.original(a, b, 5), "a middle past the limit is not mapped");
        assertEquals(0, PatchedLines.original(lines(3), List.of("line 1", "x", "y", "line 3"), 3));
    }
}
