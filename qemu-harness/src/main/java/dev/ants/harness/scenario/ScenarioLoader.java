package dev.ants.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.AntsException;
import dev.ants.core.Json;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.expect.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads scenario YAML: the contract's vocabulary (expect, send, run + status/output, fail-on) plus
 * variables ({@code ${name}}), includes, reboot, snapshot/restore and sleep. Every mistake is bad input
 * naming the file and the step.
 */
public final class ScenarioLoader {
    private static final Set<String> TOP = Set.of("name", "shell", "timeout", "watchdog", "vars", "patterns", "fail-on", "include", "steps");
    private static final List<String> ACTIONS = List.of("expect", "send", "run", "fail-on", "reboot", "snapshot", "restore", "sleep", "include",
            "qmp");
    private static final Set<String> MODIFIERS = Set.of("name", "timeout", "status", "output", "severity", "echo", "arguments", "event");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final Map<String, String> overrides;
    private final Deque<Path> including = new ArrayDeque<>();

    private ScenarioLoader(Map<String, String> overrides) {
        this.overrides = overrides == null ? Map.of() : overrides;
    }

    /** Loads a scenario file; {@code vars} override the file's own {@code vars:} (e.g. model facts, --set). */
    public static Scenario load(Path file, Map<String, String> vars) {
        ScenarioLoader l = new ScenarioLoader(vars);
        return l.scenario(l.read(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses scenario text; includes resolve against {@code baseDir}. */
    public static Scenario parse(String yaml, String sourceName, Path baseDir, Map<String, String> vars) {
        ScenarioLoader l = new ScenarioLoader(vars);
        try {
            return l.scenario(Json.YAML.readTree(yaml), sourceName, baseDir);
        } catch (IOException e) {
            throw AntsException.badInput(sourceName + " is not valid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
    }

    private JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw AntsException.badInput("scenario file " + file + " does not exist", "check the path given to --script or include:");
        }
        try {
            JsonNode n = Json.YAML.readTree(file.toFile());
            if (n == null || !n.isObject()) throw AntsException.badInput(file + " is not a YAML mapping", "start with name: and steps:");
            return n;
        } catch (IOException e) {
            throw AntsException.badInput(file + " is not valid YAML: " + e.getMessage(), "fix the YAML syntax");
        }
    }

    private Scenario scenario(JsonNode root, String src, Path baseDir) {
        if (root == null || !root.isObject()) throw AntsException.badInput(src + " is not a YAML mapping", "start with name: and steps:");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) throw AntsException.badInput(src + ": unknown key '" + k + "'", "top-level keys are " + TOP);
        }
        Map<String, String> vars = vars(root, src, Map.of());
        String name = root.hasNonNull("name") ? subst(root.get("name").asText(), vars, src) : src;
        Shell shell = Shell.parse(root.hasNonNull("shell") ? root.get("shell").asText() : "sh");
        Duration timeout = seconds(root.get("timeout"), Duration.ofSeconds(60), src + ": timeout");
        Duration watchdog = root.has("watchdog") ? seconds(root.get("watchdog"), null, src + ": watchdog") : Duration.ofSeconds(120);
        if (watchdog != null && watchdog.isZero()) watchdog = null;
        List<FailurePattern> patterns = new ArrayList<>();
        JsonNode sets = root.get("patterns");
        if (sets == null) patterns.addAll(FailurePattern.defaults());
        else for (JsonNode s : list(sets)) patterns.addAll(builtInSet(s.asText(), src));
        for (JsonNode f : list(root.get("fail-on"))) addPattern(patterns, failOn(f, vars, src).toPattern());
        List<Step> steps = new ArrayList<>();
        for (JsonNode inc : list(root.get("include"))) steps.addAll(include(inc, vars, src, baseDir, patterns));
        steps.addAll(steps(root.get("steps"), vars, src, baseDir, patterns));
        return new Scenario(name, shell, timeout, watchdog, List.copyOf(patterns), List.copyOf(steps), src);
    }

    private Map<String, String> vars(JsonNode root, String src, Map<String, String> outer) {
        Map<String, String> v = new LinkedHashMap<>();
        JsonNode n = root.get("vars");
        if (n != null && !n.isNull()) {
            if (!n.isObject()) throw AntsException.badInput(src + ": vars must be a mapping", "write vars: {name: value}");
            n.fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asText()));
        }
        v.putAll(outer);
        v.putAll(overrides);
        return v;
    }

    private List<Step> include(JsonNode inc, Map<String, String> vars, String src, Path baseDir, List<FailurePattern> patterns) {
        Path file = baseDir.resolve(subst(inc.asText(), vars, src)).normalize();
        if (including.contains(file) || including.size() > 16) {
            throw AntsException.badInput(src + ": include loop through " + file, "remove the circular include");
        }
        including.push(file);
        try {
            JsonNode root = read(file);
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

    private List<Step> steps(JsonNode n, Map<String, String> vars, String src, Path baseDir, List<FailurePattern> patterns) {
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
                    throw AntsException.badInput(where + ": unknown key '" + k + "'", "actions: " + ACTIONS + "; modifiers: " + MODIFIERS);
                }
            }
            if (action == null) throw AntsException.badInput(where + " has no action", "use one of " + ACTIONS);
            String name = s.hasNonNull("name") ? subst(s.get("name").asText(), vars, where) : null;
            Duration timeout = s.has("timeout") ? seconds(s.get("timeout"), null, where + ": timeout") : null;
            String arg = s.get(action).isValueNode() ? subst(s.get(action).asText(), vars, where) : null;
            switch (action) {
                case "expect" -> out.add(new Step.Expect(regex(arg, where), timeout, name));
                case "send" -> out.add(new Step.Send(need(arg, where, action), !s.has("echo") || s.get("echo").asBoolean(true), name));
                case "run" -> {
                    String status = s.hasNonNull("status") ? subst(s.get("status").asText(), vars, where) : null;
                    String output = s.hasNonNull("output") ? regex(subst(s.get("output").asText(), vars, where), where) : null;
                    out.add(new Step.Run(need(arg, where, action), status, output, timeout, name));
                }
                case "fail-on" -> out.add(failOn(s, vars, where));
                case "reboot" -> out.add(new Step.Reboot(name));
                case "snapshot" -> out.add(new Step.Snapshot(tag(arg, where), name));
                case "restore" -> out.add(new Step.Restore(tag(arg, where), name));
                case "sleep" -> out.add(new Step.Sleep(seconds(s.get("sleep"), null, where + ": sleep"), name));
                case "include" -> out.addAll(include(s.get("include"), vars, where, baseDir, patterns));
                case "qmp" -> out.add(qmp(s, need(arg, where, action), vars, timeout, name, where));
                default -> throw new IllegalStateException(action);
            }
        }
        return out;
    }

    /** qmp: COMMAND with optional arguments: {k: v} (strings get ${var}s) and event: NAME to wait for. */
    private Step.Qmp qmp(JsonNode s, String command, Map<String, String> vars, Duration timeout, String name, String where) {
        if (!command.matches("[a-z][a-z0-9_-]*")) {
            throw AntsException.badInput(where + ": '" + command + "' is not a QMP command name", "e.g. qmp: device_del");
        }
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        JsonNode a = s.get("arguments");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) throw AntsException.badInput(where + ": arguments must be a mapping", "write arguments: {id: disk1}");
            a.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().isTextual()
                    ? subst(e.getValue().asText(), vars, where) : dev.ants.core.Json.JSON.convertValue(e.getValue(), Object.class)));
        }
        String event = s.hasNonNull("event") ? subst(s.get("event").asText(), vars, where) : null;
        if (event != null && !event.matches("[A-Z][A-Z0-9_]*")) {
            throw AntsException.badInput(where + ": '" + event + "' is not a QMP event name", "e.g. event: DEVICE_DELETED");
        }
        return new Step.Qmp(command, args, event, timeout, name);
    }

    /** fail-on as a plain regex, or {fail-on: REGEX, severity: fatal|error|warn, name: ...}. */
    private Step.FailOn failOn(JsonNode n, Map<String, String> vars, String where) {
        if (n.isValueNode()) return new Step.FailOn(regex(subst(n.asText(), vars, where), where), Severity.FATAL, null);
        JsonNode p = n.has("fail-on") ? n.get("fail-on") : n.get("pattern");
        if (p == null) throw AntsException.badInput(where + ": fail-on needs a pattern", "write fail-on: REGEX");
        Severity sev = FailurePattern.severity(n.hasNonNull("severity") ? n.get("severity").asText() : null);
        return new Step.FailOn(regex(subst(p.asText(), vars, where), where), sev, n.hasNonNull("name") ? n.get("name").asText() : null);
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
            default -> throw AntsException.badInput(src + ": unknown pattern set '" + s + "'", "use 9front, linux, default or none");
        };
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) n.forEach(out::add);
        else out.add(n);
        return out;
    }

    private String subst(String s, Map<String, String> vars, String where) {
        String protectedText = s.replace("$${", "\u0000{"); // $${x} stays a literal ${x}
        Matcher m = VAR.matcher(protectedText);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw AntsException.badInput(where + ": variable ${" + m.group(1) + "} is not defined",
                        "define it under vars: or pass it with --set " + m.group(1) + "=VALUE");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString().replace("\u0000{", "${");
    }

    private static String regex(String r, String where) {
        if (r == null) throw AntsException.badInput(where + ": expected a regular expression", "");
        try {
            Pattern.compile(r);
            return r;
        } catch (PatternSyntaxException e) {
            throw AntsException.badInput(where + ": '" + r + "' is not a valid regular expression: " + e.getDescription(), "fix the regex (Java syntax)");
        }
    }

    private static String need(String v, String where, String action) {
        if (v == null) throw AntsException.badInput(where + ": " + action + " needs a text value", "");
        return v;
    }

    private static String tag(String v, String where) {
        if (v == null || !v.matches("[A-Za-z0-9_.-]+")) {
            throw AntsException.badInput(where + ": snapshot names use letters, digits, '.', '_' and '-'", "e.g. snapshot: booted");
        }
        return v;
    }

    private static Duration seconds(JsonNode n, Duration dflt, String where) {
        if (n == null || n.isNull()) return dflt;
        if (!n.isNumber() && !n.asText().matches("\\d+(\\.\\d+)?")) {
            throw AntsException.badInput(where + " must be a number of seconds, not '" + n.asText() + "'", "e.g. timeout: 30");
        }
        return Duration.ofMillis((long) (n.asDouble() * 1000));
    }
}
