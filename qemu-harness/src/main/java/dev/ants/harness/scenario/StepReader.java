package dev.ants.harness.scenario;

import dev.ants.harness.expect.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ants.core.AntsException;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.expect.Shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the parts scenarios and suites share: the settings (shell, timeout, watchdog, failure patterns,
 * vars, includes) and step lists, with variables substituted. Every mistake is bad input (exit 2) naming
 * the file and the step, found before anything starts.
 */
public final class StepReader {
    static final List<String> ACTIONS = List.of("expect", "send", "run", "fail-on", "reboot", "snapshot", "restore",
            "device-del", "sleep", "include");
    static final List<String> MODIFIERS = List.of("name", "timeout", "status", "output", "severity", "echo", "checks");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    /** The settings of a scenario or suite file; {@code patterns} grows as included files add theirs. */
    public record Settings(String name, Shell shell, Duration timeout, Duration watchdog, List<FailurePattern> patterns,
                           Map<String, String> vars, List<Step> included) {
    }

    private final Map<String, String> overrides;
    private final Deque<Path> including = new ArrayDeque<>();

    /** {@code overrides} win over every file's own {@code vars:} (model facts, --var). */
    public StepReader(Map<String, String> overrides) {
        this.overrides = overrides == null ? Map.of() : overrides;
    }

    /** The top-level settings of {@code root}, with its includes' steps. */
    public Settings settings(JsonNode root, String src, Path baseDir) {
        Map<String, String> vars = vars(root, src, Map.of());
        String name = root.hasNonNull("name") ? name(subst(text(root.get("name"), src + ": name"), vars, src), src) : src;
        Shell shell = Shell.parse(root.hasNonNull("shell") ? text(root.get("shell"), src + ": shell") : "sh");
        Duration timeout = Numbers.timeout(root.get("timeout"), Duration.ofSeconds(60), src + ": timeout");
        Duration watchdog = root.has("watchdog") ? Numbers.watchdog(root.get("watchdog"), src + ": watchdog") : Duration.ofSeconds(120);
        List<FailurePattern> patterns = new ArrayList<>();
        JsonNode sets = root.get("patterns");
        if (sets == null) patterns.addAll(FailurePattern.defaults());
        else for (JsonNode s : list(sets)) patterns.addAll(builtInSet(s.asText(), src));
        for (JsonNode f : list(root.get("fail-on"))) addPattern(patterns, failOn(f, vars, src).toPattern());
        List<Step> included = new ArrayList<>();
        for (JsonNode inc : list(root.get("include"))) included.addAll(include(inc, vars, src, baseDir, patterns));
        return new Settings(name, shell, timeout, watchdog, patterns, vars, included);
    }

    /** Refuses keys outside {@code allowed}, so a typo is not silently ignored. */
    public static void onlyKeys(JsonNode n, List<String> allowed, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw AntsException.badInput(where + ": unknown key '" + Printable.of(k) + "'", "the keys here are " + allowed);
        }
    }

    /** A number may be a variable too ({@code timeout: ${fuzztimeout}}), so a profile can scale it. */
    private JsonNode substituted(JsonNode n, Map<String, String> vars, String where) {
        return n.isTextual() ? TextNode.valueOf(subst(n.asText(), vars, where)) : n;
    }

    private Map<String, String> vars(JsonNode root, String src, Map<String, String> outer) {
        Map<String, String> v = new LinkedHashMap<>();
        JsonNode n = root.get("vars");
        if (n != null && !n.isNull()) {
            if (!n.isObject()) throw AntsException.badInput(src + ": vars must be a mapping", "write vars: {name: value}");
            n.fields().forEachRemaining(e -> v.put(e.getKey(), text(e.getValue(), src + ": vars." + e.getKey())));
        }
        v.putAll(outer);
        v.putAll(overrides);
        return v;
    }

    private List<Step> include(JsonNode inc, Map<String, String> vars, String src, Path baseDir, List<FailurePattern> patterns) {
        String rel = subst(text(inc, src + ": include"), vars, src);
        if (baseDir == null) {
            throw AntsException.badInput(src + ": include " + Printable.of(rel) + " needs a directory to resolve against", "load the scenario from a file");
        }
        Path file = baseDir.resolve(rel).normalize();
        if (including.contains(file) || including.size() > 16) {
            throw AntsException.badInput(src + ": include loop through " + Printable.of(file.toString()), "remove the circular include");
        }
        including.push(file);
        try {
            JsonNode root = YamlInput.read(file, "scenario file", "check the path given to include:");
            onlyKeys(root, List.of("name", "vars", "fail-on", "include", "steps"), file.toString());
            Map<String, String> v = vars(root, file.toString(), vars);
            for (JsonNode f : list(root.get("fail-on"))) addPattern(patterns, failOn(f, v, file.toString()).toPattern());
            List<Step> out = new ArrayList<>();
            for (JsonNode i : list(root.get("include"))) out.addAll(include(i, v, file.toString(), file.getParent(), patterns));
            out.addAll(steps(root.get("steps"), v, file.toString(), file.getParent(), patterns));
            return out;
        } finally {
            including.pop();
        }
    }

    /** A list of steps ({@code steps:}, a suite's {@code boot:} or a case's {@code steps:}). */
    public List<Step> steps(JsonNode n, Map<String, String> vars, String src, Path baseDir, List<FailurePattern> patterns) {
        List<Step> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (!n.isArray()) throw AntsException.badInput(src + ": steps must be a list", "write steps: followed by '- expect: ...' lines");
        int i = 0;
        for (JsonNode s : n) {
            i++;
            String where = src + ": step " + i;
            if (!s.isObject()) throw AntsException.badInput(where + " is not a mapping", "write '- expect: REGEX' and the like");
            String action = null;
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (ACTIONS.contains(k)) {
                    if (action != null) throw AntsException.badInput(where + " has both " + action + " and " + k, "one action per step");
                    action = k;
                } else if (!MODIFIERS.contains(k)) {
                    throw AntsException.badInput(where + ": unknown key '" + Printable.of(k) + "'", "actions: " + ACTIONS + "; modifiers: " + MODIFIERS);
                }
            }
            if (action == null) throw AntsException.badInput(where + " has no action", "use one of " + ACTIONS);
            out.addAll(step(action, s, vars, where, baseDir, patterns));
        }
        return out;
    }

    private List<Step> step(String action, JsonNode s, Map<String, String> vars, String where, Path baseDir, List<FailurePattern> patterns) {
        String name = s.hasNonNull("name") ? name(subst(text(s.get("name"), where + ": name"), vars, where), where) : null;
        Duration timeout = s.hasNonNull("timeout") ? Numbers.timeout(substituted(s.get("timeout"), vars, where), null, where + ": timeout") : null;
        JsonNode v = s.get(action);
        return switch (action) {
            case "expect" -> List.of(new Step.Expect(regex(subst(text(v, where + ": expect"), vars, where), where), timeout, name));
            case "send" -> List.of(new Step.Send(subst(text(v, where + ": send"), vars, where), flag(s, "echo", true, where), name));
            case "run" -> {
                String cmd = subst(text(v, where + ": run"), vars, where);
                if (cmd.isBlank()) throw AntsException.badInput(where + ": run needs a command", "e.g. run: echo $cputype");
                String status = s.hasNonNull("status") ? subst(text(s.get("status"), where + ": status"), vars, where) : null;
                String output = s.hasNonNull("output") ? regex(subst(text(s.get("output"), where + ": output"), vars, where), where) : null;
                yield List.of(new Step.Run(cmd, status, output, timeout, name, flag(s, "checks", false, where)));
            }
            case "fail-on" -> List.of(failOn(s, vars, where));
            case "reboot" -> List.of(new Step.Reboot(name));
            case "snapshot" -> List.of(new Step.Snapshot(tag(v, where), name));
            case "restore" -> List.of(new Step.Restore(tag(v, where), name));
            case "device-del" -> List.of(new Step.DeviceDel(tag(v, where), name));
            case "sleep" -> List.of(new Step.Sleep(Numbers.sleep(v, where + ": sleep"), name));
            case "include" -> include(v, vars, where, baseDir, patterns);
            default -> throw new IllegalStateException(action);
        };
    }

    /** fail-on as a plain regex, or {fail-on: REGEX, severity: fatal|error|warn, name: ...}. */
    private Step.FailOn failOn(JsonNode n, Map<String, String> vars, String where) {
        if (n.isValueNode()) return new Step.FailOn(regex(subst(text(n, where + ": fail-on"), vars, where), where), Severity.FATAL, null);
        if (!n.isObject()) throw AntsException.badInput(where + ": fail-on must be a regex or a mapping", "write fail-on: REGEX");
        JsonNode p = n.has("fail-on") ? n.get("fail-on") : n.get("pattern");
        if (p == null || !p.isValueNode()) throw AntsException.badInput(where + ": fail-on needs a pattern", "write fail-on: REGEX");
        Severity sev = FailurePattern.severity(n.hasNonNull("severity") ? text(n.get("severity"), where + ": severity") : null);
        String name = n.hasNonNull("name") ? text(n.get("name"), where + ": name") : null;
        return new Step.FailOn(regex(subst(p.asText(), vars, where), where), sev, name);
    }

    /** A file included twice adds its patterns once. */
    private static void addPattern(List<FailurePattern> list, FailurePattern p) {
        boolean dup = list.stream().anyMatch(q -> q.pattern().pattern().equals(p.pattern().pattern()) && q.severity() == p.severity());
        if (!dup) list.add(p);
    }

    private static List<FailurePattern> builtInSet(String s, String src) {
        return switch (s) {
            case "9front" -> FailurePattern.nineFront();
            case "linux" -> FailurePattern.linux();
            case "default" -> FailurePattern.defaults();
            case "none" -> List.of();
            default -> throw AntsException.badInput(src + ": unknown pattern set '" + Printable.of(s) + "'", "use 9front, linux, default or none");
        };
    }

    static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(out::add);
        else out.add(n);
        return out;
    }

    /** A scalar as text; a list or mapping where text belongs is a mistake. */
    static String text(JsonNode n, String where) {
        if (n == null || n.isNull() || !n.isValueNode()) {
            throw AntsException.badInput(where + " must be a single value, not " + (n == null || n.isNull() ? "empty" : "a list or mapping"),
                    "quote the text, e.g. '...'");
        }
        return n.asText();
    }

    private static boolean flag(JsonNode step, String key, boolean dflt, String where) {
        JsonNode n = step.get(key);
        if (n == null || n.isNull()) return dflt;
        if (!n.isBoolean()) throw AntsException.badInput(where + ": " + key + " must be true or false, not '" + Printable.of(n.asText()) + "'", key + ": true");
        return n.booleanValue();
    }

    private static String name(String n, String where) {
        if (n.isBlank()) throw AntsException.badInput(where + ": name is empty", "give it a name, or leave name: out");
        return n;
    }

    /** A scalar with its variables substituted. */
    public String substitute(JsonNode n, Map<String, String> vars, String where) {
        return subst(text(n, where), vars, where);
    }

    String subst(String s, Map<String, String> vars, String where) {
        String protectedText = s.replace("$${", "\u0000{"); // $${x} stays a literal ${x}
        Matcher m = VAR.matcher(protectedText);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw AntsException.badInput(where + ": variable ${" + m.group(1) + "} is not defined",
                        "define it under vars: or pass it with --var " + m.group(1) + "=VALUE");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString().replace("\u0000{", "${");
    }

    private static String regex(String r, String where) {
        try {
            Pattern.compile(r);
            return r;
        } catch (PatternSyntaxException e) {
            throw AntsException.badInput(where + ": '" + Printable.of(r) + "' is not a valid regular expression: " + e.getDescription(),
                    "fix the regex (Java syntax); quote it in single quotes");
        }
    }

    private static String tag(JsonNode v, String where) {
        String t = v != null && v.isValueNode() ? v.asText() : null;
        if (t == null || !t.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw AntsException.badInput(where + ": names here use 1 to 64 letters, digits, '.', '_' and '-'", "e.g. snapshot: booted");
        }
        return t;
    }
}
