package dev.ants.patch;

import dev.ants.core.AntsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unified diffs (diff -u, git diff) into {@link FilePatch}es. Text before a "--- " header
 * (commentary, "diff --git", "index" lines) is ignored, as patch(1) does. The parser is strict about
 * hunk line counts because a miscounted hunk is a broken patch set, and applying a guess would be worse.
 */
public final class UnifiedDiffParser {
    private static final Pattern HUNK =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@ ?(.*?)\\n?$");
    private static final String NO_NEWLINE = "\\";

    private final int strip;

    /** @param strip leading path components to remove, like patch -p (1 for "a/" and "b/"). */
    public UnifiedDiffParser(int strip) {
        this.strip = strip;
    }

    public UnifiedDiffParser() {
        this(1);
    }

    public List<FilePatch> parse(String patchName, byte[] diff) {
        List<String> lines = Lines.split(diff);
        List<FilePatch> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) {
                String oldPath = path(patchName, i + 1, l.substring(4));
                String newPath = path(patchName, i + 2, lines.get(i + 1).substring(4));
                if (oldPath == null && newPath == null) {
                    throw broken(patchName, i + 1, "both sides are /dev/null");
                }
                i += 2;
                List<Hunk> hunks = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith("@@ ")) {
                    i = hunk(patchName, lines, i, hunks);
                }
                if (hunks.isEmpty()) throw broken(patchName, i + 1, "file header without hunks");
                out.add(new FilePatch(patchName, oldPath, newPath, hunks));
            } else if (l.startsWith("GIT binary patch") || l.startsWith("Binary files ")) {
                throw broken(patchName, i + 1, "binary diffs are not supported");
            } else {
                i++;
            }
        }
        if (out.isEmpty()) throw broken(patchName, 1, "no \"--- / +++\" file headers found");
        return out;
    }

    /** Parses the hunk starting at {@code at}; returns the index of the first line after it. */
    private int hunk(String patchName, List<String> lines, int at, List<Hunk> hunks) {
        Matcher m = HUNK.matcher(lines.get(at));
        if (!m.matches()) throw broken(patchName, at + 1, "malformed hunk header");
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newStart = Integer.parseInt(m.group(3));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        String section = m.group(5);
        List<Hunk.Line> body = new ArrayList<>();
        int olds = 0;
        int news = 0;
        int i = at + 1;
        while (olds < oldCount || news < newCount) {
            if (i >= lines.size()) throw broken(patchName, at + 1, "hunk ends early (file truncated?)");
            String l = lines.get(i);
            if (l.startsWith(NO_NEWLINE)) {
                markNoNewline(patchName, i, body);
                i++;
                continue;
            }
            char kind = l.isEmpty() ? ' ' : l.charAt(0);
            // An empty line stands for an empty context line whose leading blank an editor trimmed.
            String text = l.equals("\n") ? "\n" : l.substring(1);
            if (l.equals("\n")) kind = ' ';
            switch (kind) {
                case ' ' -> { olds++; news++; }
                case '-' -> olds++;
                case '+' -> news++;
                default -> throw broken(patchName, i + 1, "unexpected line inside hunk " + lines.get(at).trim());
            }
            if (!text.endsWith("\n")) {
                throw broken(patchName, i + 1, "diff line without newline; only a \"\\ No newline\" marker may say so");
            }
            body.add(new Hunk.Line(kind, text));
            i++;
        }
        if (olds != oldCount || news != newCount) {
            throw broken(patchName, at + 1, "hunk line counts do not match its header");
        }
        if (i < lines.size() && lines.get(i).startsWith(NO_NEWLINE)) {
            markNoNewline(patchName, i, body);
            i++;
        }
        hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, section, body));
        return i;
    }

    private static void markNoNewline(String patchName, int i, List<Hunk.Line> body) {
        if (body.isEmpty()) throw broken(patchName, i + 1, "\"\\ No newline\" marker before any line");
        Hunk.Line last = body.get(body.size() - 1);
        String t = last.text();
        body.set(body.size() - 1, new Hunk.Line(last.kind(), t.substring(0, t.length() - 1)));
    }

    /** The tree-relative path of a header, or null for /dev/null. Refuses paths escaping the tree. */
    private String path(String patchName, int lineNo, String raw) {
        String p = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
        int tab = p.indexOf('\t');
        if (tab >= 0) p = p.substring(0, tab);
        if (p.endsWith("\r")) p = p.substring(0, p.length() - 1);
        if (p.startsWith("\"")) throw broken(patchName, lineNo, "quoted file names are not supported: " + p);
        p = new String(p.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (p.equals("/dev/null")) return null;
        String[] parts = p.split("/+");
        if (parts.length <= strip) throw broken(patchName, lineNo, "path " + p + " has fewer than " + (strip + 1) + " components");
        StringBuilder sb = new StringBuilder();
        for (int k = strip; k < parts.length; k++) {
            String c = parts[k];
            if (c.isEmpty() || c.equals(".")) continue;
            if (c.equals("..")) throw broken(patchName, lineNo, "path " + p + " leaves the tree");
            if (sb.length() > 0) sb.append('/');
            sb.append(c);
        }
        if (sb.length() == 0) throw broken(patchName, lineNo, "empty path " + p);
        return TreePaths.check(sb.toString(), "patch " + patchName + " line " + lineNo);
    }

    private static AntsException broken(String patchName, int lineNo, String what) {
        return AntsException.badInput("patch " + patchName + " line " + lineNo + " is broken: " + what,
                "regenerate the patch with diff -u or git diff");
    }
}
