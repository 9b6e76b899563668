package dev.ants.harness.expect;

/**
 * Removes ANSI/VT100 control sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL", and two-byte
 * "ESC x") from a stream of text, carrying an unfinished sequence over to the next chunk.
 */
final class ControlFilter {
    private final StringBuilder pending = new StringBuilder();

    String filter(String chunk) {
        String text = pending.length() == 0 ? chunk : pending + chunk;
        pending.setLength(0);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != 0x1b) {
                out.append(c);
                i++;
                continue;
            }
            int end = sequenceEnd(text, i);
            if (end < 0) { // incomplete: wait for more
                if (text.length() - i > 64) { // not a real sequence after all: let it through
                    out.append(c);
                    i++;
                    continue;
                }
                pending.append(text, i, text.length());
                break;
            }
            i = end;
        }
        return out.toString();
    }

    /** Index after the sequence starting at {@code i}, or -1 when it is not complete yet. */
    private static int sequenceEnd(String t, int i) {
        if (i + 1 >= t.length()) return -1;
        char k = t.charAt(i + 1);
        if (k == '[') {
            for (int j = i + 2; j < t.length(); j++) {
                char c = t.charAt(j);
                if (c >= 0x40 && c <= 0x7e) return j + 1;
            }
            return -1;
        }
        if (k == ']') {
            for (int j = i + 2; j < t.length(); j++) {
                if (t.charAt(j) == 0x07) return j + 1;
                if (t.charAt(j) == 0x1b && j + 1 < t.length() && t.charAt(j + 1) == '\\') return j + 2;
            }
            return -1;
        }
        return i + 2;
    }
}
