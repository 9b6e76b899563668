package dev.ants.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits file bytes into lines and joins them back, byte for byte. Bytes are decoded as ISO-8859-1,
 * which maps every byte to one char and back, so UTF-8 text ('#¤'), stray bytes and CRs survive
 * untouched. Each line keeps its "\n"; only a file's last line may lack it, which is how
 * "\ No newline at end of file" is represented: the line simply has no terminator.
 */
final class Lines {
    private Lines() {
    }

    static List<String> split(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A line as a person should read it in a message: UTF-8 decoded, terminator marked if missing. */
    static String display(String line) {
        boolean nl = line.endsWith("\n");
        String body = nl ? line.substring(0, line.length() - 1) : line;
        String text = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return nl ? text : text + "  (no newline at end of file)";
    }
}
