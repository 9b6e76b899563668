package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps a line of a patched copy back to the user's file, so a compile error in a file the patch set
 * changes names the line the user can open. The two differ only where hunks applied: the common head
 * and tail are matched directly, the middle by a longest common subsequence.
 */
final class PatchedLines {
    /** Middles larger than this (in lines, each side) are not mapped: the table would be too big. */
    static final int MAX_MIDDLE = 4000;

    private PatchedLines() {
    }

    /**
     * The 1-based line of {@code original} that line {@code n} of {@code patched} is, 0 when the patch
     * added that line, -1 when it cannot tell (unreadable files, a line past the end, too much changed).
     */
    static int original(Path original, Path patched, int n) {
        try {
            return original(read(original), read(patched), n);
        } catch (IOException e) {
            return -1;
        }
    }

    static int original(List<String> a, List<String> b, int n) {
        if (n < 1 || n > b.size()) return -1;
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        if (n <= head) return n;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        if (n > b.size() - tail) return n - b.size() + a.size();
        int ma = a.size() - head - tail;
        int mb = b.size() - head - tail;
        if (ma > MAX_MIDDLE || mb > MAX_MIDDLE) return -1;
        // lcs[i][j]: the longest common subsequence of a's middle from i and b's middle from j
        int[][] lcs = new int[ma + 1][mb + 1];
        for (int i = ma - 1; i >= 0; i--) {
            for (int j = mb - 1; j >= 0; j--) {
                lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int want = n - 1 - head;
        int i = 0;
        int j = 0;
        while (i < ma && j < mb) {
            if (a.get(head + i).equals(b.get(head + j))) {
                if (j == want) return head + i + 1;
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                if (j == want) return 0;
                j++;
            }
        }
        return 0;
    }

    private static List<String> read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).lines().toList();
    }
}
