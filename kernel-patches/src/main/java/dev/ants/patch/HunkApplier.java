package dev.ants.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one file's hunks to that file's lines with fuzz 0: every context and removed line must match
 * exactly. A hunk that moved is found by searching outward from where it is expected (nearest first,
 * up to the whole file), never overlapping an earlier hunk, and the distance found carries over to the
 * next hunk, as patch(1) does.
 */
final class HunkApplier {
    /** The new lines and, per hunk, how far from its header's line number it was found. */
    record Result(List<String> lines, List<Integer> offsets) {
    }

    /** Where and why a hunk did not match; {@code nearest} is the best partial match, or -1. */
    static final class Conflict extends Exception {
        final Hunk hunk;
        final int hunkIndex;
        final int expectedAt;
        final int nearest;
        final List<String> found;

        Conflict(Hunk hunk, int hunkIndex, int expectedAt, int nearest, List<String> found) {
            super("hunk " + (hunkIndex + 1) + " " + hunk.header() + " does not match", null, false, false);
            this.hunk = hunk;
            this.hunkIndex = hunkIndex;
            this.expectedAt = expectedAt;
            this.nearest = nearest;
            this.found = found;
        }
    }

    private HunkApplier() {
    }

    static Result apply(List<String> lines, List<Hunk> hunks) throws Conflict {
        List<String> out = new ArrayList<>(lines.size() + 16);
        List<Integer> offsets = new ArrayList<>();
        int cursor = 0;
        int drift = 0;
        for (int h = 0; h < hunks.size(); h++) {
            Hunk hunk = hunks.get(h);
            List<String> old = hunk.oldLines();
            int expected = hunk.oldIndex() + drift;
            int pos = find(lines, old, expected, cursor);
            if (pos < 0) {
                int near = nearest(lines, old, expected, cursor);
                int from = near >= 0 ? near : Math.max(cursor, Math.min(expected, lines.size()));
                int to = Math.min(lines.size(), from + Math.max(old.size(), 1));
                throw new Conflict(hunk, h, expected, near, List.copyOf(lines.subList(from, to)));
            }
            out.addAll(lines.subList(cursor, pos));
            out.addAll(hunk.newLines());
            cursor = pos + old.size();
            drift = pos - hunk.oldIndex();
            offsets.add(drift);
        }
        out.addAll(lines.subList(cursor, lines.size()));
        return new Result(out, offsets);
    }

    /** Index where {@code old} matches exactly, searched outward from {@code expected}; -1 if nowhere. */
    private static int find(List<String> lines, List<String> old, int expected, int lowest) {
        int n = old.size();
        int highest = lines.size() - n;
        if (highest < lowest) return -1;
        if (n == 0) {
            // Nothing to match: a pure insertion can only go where the header says.
            return expected >= lowest && expected <= highest ? expected : -1;
        }
        int start = Math.max(lowest, Math.min(expected, highest));
        int span = Math.max(start - lowest, highest - start);
        for (int d = 0; d <= span; d++) {
            int after = start + d;
            if (after <= highest && matches(lines, old, after)) return after;
            int before = start - d;
            if (d > 0 && before >= lowest && matches(lines, old, before)) return before;
        }
        return -1;
    }

    private static boolean matches(List<String> lines, List<String> old, int at) {
        for (int i = 0; i < old.size(); i++) {
            if (!lines.get(at + i).equals(old.get(i))) return false;
        }
        return true;
    }

    /** The position agreeing on the most lines (ties: nearest to expected), for the conflict report. */
    private static int nearest(List<String> lines, List<String> old, int expected, int lowest) {
        int n = old.size();
        int best = -1;
        int bestScore = 0;
        int bestDist = Integer.MAX_VALUE;
        for (int at = lowest; at + n <= lines.size() && n > 0; at++) {
            int score = 0;
            for (int i = 0; i < n; i++) {
                if (lines.get(at + i).equals(old.get(i))) score++;
            }
            int dist = Math.abs(at - expected);
            if (score > bestScore || (score == bestScore && score > 0 && dist < bestDist)) {
                best = at;
                bestScore = score;
                bestDist = dist;
            }
        }
        // One matching line (a lone "}" or blank) says nothing about where the hunk belongs.
        return bestScore * 2 > n || bestScore >= 2 ? best : -1;
    }
}
