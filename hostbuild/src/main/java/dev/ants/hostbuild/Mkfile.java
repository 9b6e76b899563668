package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mkfile read the way mk reads it, without running anything: lines joined at backslash-newline,
 * comments dropped, {@code <} includes followed (relative ones from the directory mk runs in),
 * assignments expanded when they are read ({@code $V}, {@code ${V}}, {@code ${V:a%b=c%d}}), and rules
 * with their recipes. {@code V+=w} appends (mk itself writes {@code V=$V w}). A value built by a
 * backquoted command is kept without that part and marked computed: only rc could produce it.
 * Variables in {@code fixed} keep their value whatever the mkfiles assign (the host's {@code O}).
 */
final class Mkfile {
    /** A rule: targets and prerequisites as expanded when read; the recipe verbatim. */
    record Rule(List<String> targets, String attributes, List<String> prereqs, List<String> recipe) {
        boolean isMeta() {
            return targets.stream().anyMatch(t -> t.contains("%") || t.contains("&"));
        }
    }

    private static final Pattern ASSIGN = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(\\+?=)(.*)$");
    private static final Pattern VAR = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}=]*)=([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    private final Path dir;
    private final Function<String, Path> absolute;
    private final Map<String, String> fixed;
    private final Map<String, List<String>> vars = new LinkedHashMap<>();
    private final Set<String> computed = new HashSet<>();
    private final List<Rule> rules = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    private Mkfile(Path dir, Function<String, Path> absolute, Map<String, String> fixed) {
        this.dir = dir;
        this.absolute = absolute;
        this.fixed = fixed;
        fixed.forEach((k, v) -> vars.put(k, List.of(v)));
    }

    /**
     * @param file     the mkfile; relative includes resolve against its directory
     * @param absolute maps an absolute Plan 9 path ({@code /sys/src/cmd/mkone}) to the file holding it
     * @param fixed    variables whose value the mkfiles cannot change
     */
    static Mkfile read(Path file, Function<String, Path> absolute, Map<String, String> fixed) throws IOException {
        Mkfile m = new Mkfile(file.getParent(), absolute, fixed);
        m.include(file);
        return m;
    }

    /** The words of {@code name}, empty when unset. */
    List<String> words(String name) {
        return vars.getOrDefault(name, List.of());
    }

    boolean isSet(String name) {
        return vars.containsKey(name);
    }

    /** True when part of the value came from a backquoted command, which was left out. */
    boolean isComputed(String name) {
        return computed.contains(name);
    }

    Map<String, List<String>> variables() {
        return vars;
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every file read, the mkfile first, then its includes in order. */
    List<String> filesRead() {
        return read;
    }

    /** Includes whose file does not exist (mk would stop there). */
    List<String> missingIncludes() {
        return missing;
    }

    Path dir() {
        return dir;
    }

    private void include(Path file) throws IOException {
        read.add(file.toString());
        List<String> lines = logicalLines(Files.readString(file, StandardCharsets.ISO_8859_1));
        Rule open = null;
        for (String line : lines) {
            if (!line.isEmpty() && (line.charAt(0) == '\t' || line.charAt(0) == ' ')) {
                if (open != null && !line.isBlank()) open.recipe().add(line.strip());
                continue;
            }
            open = null;
            String l = stripComment(line).strip();
            if (l.isEmpty()) continue;
            if (l.startsWith("<")) {
                includeLine(l.substring(1).strip());
                continue;
            }
            Matcher a = ASSIGN.matcher(l);
            if (a.matches()) {
                assign(a.group(1), a.group(2).equals("+="), a.group(3));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon > 0) open = rule(l, colon);
        }
    }

    private void includeLine(String spec) throws IOException {
        if (spec.startsWith("|")) {
            missing.add(spec);   // a piped include runs a command: nothing to read
            return;
        }
        String name = expand(spec).strip();
        Path p = name.startsWith("/") ? absolute.apply(name) : dir.resolve(name).normalize();
        if (p == null || !Files.isRegularFile(p)) {
            missing.add(name);
            return;
        }
        include(p);
    }

    private void assign(String name, boolean append, String raw) {
        if (fixed.containsKey(name)) return;
        String value = raw;
        int bq = value.indexOf('`');
        if (bq >= 0) {
            computed.add(name);
            value = value.substring(0, bq);
        } else if (!append) {
            computed.remove(name);
        }
        List<String> w = new ArrayList<>(append ? words(name) : List.of());
        w.addAll(split(expand(value)));
        vars.put(name, w);
    }

    private Rule rule(String l, int colon) {
        String rest = l.substring(colon + 1);
        String attrs = "";
        int second = rest.indexOf(':');
        // "targets:ATTRS: prereqs"; attributes are letters, with no blanks
        if (second >= 0 && rest.substring(0, second).matches("[A-Za-z<]*")) {
            attrs = rest.substring(0, second);
            rest = rest.substring(second + 1);
        }
        Rule r = new Rule(split(expand(l.substring(0, colon))), attrs, split(expand(rest)), new ArrayList<>());
        rules.add(r);
        return r;
    }

    /** {@code $V}, {@code ${V}} and {@code ${V:from=to}} replaced by the words' text. */
    String expand(String s) {
        return expand(s, Map.of());
    }

    /** {@link #expand(String)} with {@code extra} variables over the mkfile's (a recipe's $target, $stem). */
    String expand(String s, Map<String, List<String>> extra) {
        if (s.indexOf('$') < 0) return s;
        Matcher m = VAR.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            List<String> value = extra.containsKey(name) ? extra.get(name) : words(name);
            if (m.group(2) != null) value = substitute(value, m.group(2), expand(m.group(3), extra));
            m.appendReplacement(b, Matcher.quoteReplacement(String.join(" ", value)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** mk's {@code ${V:a%b=c%d}}: each word matching a%b becomes c%d with the same stem; others stay. */
    static List<String> substitute(List<String> words, String from, String to) {
        int fp = from.indexOf('%');
        String fPre = fp < 0 ? "" : from.substring(0, fp);
        String fSuf = fp < 0 ? from : from.substring(fp + 1);
        int tp = to.indexOf('%');
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (w.length() >= fPre.length() + fSuf.length() && w.startsWith(fPre) && w.endsWith(fSuf)) {
                String stem = w.substring(fPre.length(), w.length() - fSuf.length());
                out.add(tp < 0 ? (fp < 0 ? stem + to : to) : to.substring(0, tp) + stem + to.substring(tp + 1));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Words separated by blanks; single quotes group, with '' standing for a quote. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                inWord = true;
                for (i++; i < s.length(); i++) {
                    if (s.charAt(i) == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        w.append('\'');
                        i++;
                    } else if (s.charAt(i) == '\'') {
                        break;
                    } else {
                        w.append(s.charAt(i));
                    }
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(w.toString());
        return out;
    }

    /** Physical lines joined where a backslash ends one (mk reads the pair as a blank). */
    static List<String> logicalLines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (l.endsWith("\\")) {
                cur.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            cur.append(l);
            out.add(cur.toString());
            cur.setLength(0);
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** Text before a # that is not inside single quotes. */
    static String stripComment(String l) {
        boolean quoted = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '\'') quoted = !quoted;
            else if (c == '#' && !quoted) return l.substring(0, i);
        }
        return l;
    }
}
