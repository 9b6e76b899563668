package dev.ants.patch;

import dev.ants.core.AntsException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code series} file: which diffs a set holds, in order, and for which revisions.
 * <pre>
 *   NAME [-pN] [FROM..TO]       a patch; FROM..TO (dates, either may be left out) says which
 *                               revisions of 9front it was written for
 *   | NAME [-pN] [FROM..TO]     a variant of the patch above, for other revisions: the engine tries
 *                               a patch's variants in order and applies the first that fits
 * </pre>
 * '#' starts a comment. The range is what a user reads in a report or an error; the choice itself
 * is made by trying, since a tree need not say which revision it is.
 */
final class Series {
    /** One file of an entry: the patch itself or one of its variants. */
    record Variant(String name, int strip, String range, int line) {
    }

    /** A patch and its variants, in the order they are tried. */
    record Entry(List<Variant> variants) {
        String name() {
            return variants.get(0).name();
        }
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    private static final Pattern STRIP = Pattern.compile("-p\\d+");

    private Series() {
    }

    static List<Entry> parse(String text, String origin) {
        List<List<Variant>> entries = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\n", -1)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            boolean variant = line.startsWith("|");
            String where = origin + "/series line " + lineNo;
            if (variant) {
                line = line.substring(1).trim();
                if (entries.isEmpty()) {
                    throw AntsException.badInput(where + " is a variant ('|') with no patch above it: " + raw.trim(),
                            "put the patch's own line first, then one '| NAME' line per variant");
                }
            }
            Variant v = variant(line.split("\\s+"), lineNo, where, raw.trim());
            if (variant) entries.get(entries.size() - 1).add(v);
            else entries.add(new ArrayList<>(List.of(v)));
        }
        List<Entry> out = new ArrayList<>();
        for (List<Variant> e : entries) out.add(new Entry(List.copyOf(e)));
        return out;
    }

    private static Variant variant(String[] words, int lineNo, String where, String raw) {
        Integer strip = null;
        String range = null;
        for (int i = 1; i < words.length; i++) {
            if (strip == null && STRIP.matcher(words[i]).matches()) {
                strip = Integer.parseInt(words[i].substring(2));
            } else if (range == null && isRange(words[i])) {
                range = words[i];
            } else {
                throw AntsException.badInput(where + " is not \"[|] NAME [-pN] [FROM..TO]\": " + raw,
                        "list one patch per line; FROM and TO are dates like 2024-03 or 2024-03-27");
            }
        }
        return new Variant(words[0], strip == null ? 1 : strip, range == null ? "" : range, lineNo);
    }

    static boolean isRange(String w) {
        int dots = w.indexOf("..");
        if (dots < 0 || w.equals("..")) return false;
        String from = w.substring(0, dots);
        String to = w.substring(dots + 2);
        return (from.isEmpty() || DATE.matcher(from).matches()) && (to.isEmpty() || DATE.matcher(to).matches());
    }

    /** "written for 2022-10..2024-12", or "" when the series gives no range. */
    static String writtenFor(String range) {
        return range.isEmpty() ? "" : "written for " + range;
    }
}
