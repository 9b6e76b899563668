package dev.ants.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * One "@@ -a,b +c,d @@" block. Line texts carry their own "\n" (see {@link Lines}); a line marked
 * "\ No newline at end of file" in the diff has none.
 */
public final class Hunk {
    /** A diff line: kind is ' ' (context), '-' (only in the old file) or '+' (only in the new file). */
    record Line(char kind, String text) {
    }

    private final int oldStart;
    private final int oldCount;
    private final int newStart;
    private final int newCount;
    private final String section;
    private final List<Line> lines;

    Hunk(int oldStart, int oldCount, int newStart, int newCount, String section, List<Line> lines) {
        this.oldStart = oldStart;
        this.oldCount = oldCount;
        this.newStart = newStart;
        this.newCount = newCount;
        this.section = section;
        this.lines = List.copyOf(lines);
    }

    public int oldStart() {
        return oldStart;
    }

    public int newStart() {
        return newStart;
    }

    List<Line> lines() {
        return lines;
    }

    /** The lines the old file must contain, in order (context and removed lines). */
    List<String> oldLines() {
        return side('-');
    }

    /** The lines the new file will contain in their place (context and added lines). */
    List<String> newLines() {
        return side('+');
    }

    private List<String> side(char own) {
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.kind() == ' ' || l.kind() == own) out.add(l.text());
        }
        return out;
    }

    /**
     * 0-based index in the old file where the hunk's old lines begin. A hunk with no old lines
     * ("-k,0") inserts after line k, i.e. at index k.
     */
    int oldIndex() {
        return oldCount == 0 ? oldStart : oldStart - 1;
    }

    int added() {
        return (int) lines.stream().filter(l -> l.kind() == '+').count();
    }

    int removed() {
        return (int) lines.stream().filter(l -> l.kind() == '-').count();
    }

    /** The same change undone: old and new sides swapped. */
    Hunk reversed() {
        List<Line> swapped = new ArrayList<>(lines.size());
        for (Line l : lines) {
            char k = l.kind() == '+' ? '-' : l.kind() == '-' ? '+' : ' ';
            swapped.add(new Line(k, l.text()));
        }
        return new Hunk(newStart, newCount, oldStart, oldCount, section, swapped);
    }

    /** The header as diff printed it, e.g. "@@ -10,6 +10,8 @@ chanfree". */
    public String header() {
        return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@"
                + (section.isEmpty() ? "" : " " + section);
    }

    @Override
    public String toString() {
        return header();
    }
}
