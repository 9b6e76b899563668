package dev.ants.harness.suite;

import dev.ants.harness.expect.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ants.core.AntsException;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.Step;
import dev.ants.harness.scenario.StepReader;
import dev.ants.harness.scenario.YamlInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads suite files. A suite has the scenario settings (shell, timeout, watchdog, patterns, fail-on,
 * vars, include), optional {@code boot:} steps and {@code cases:}, each with a name, steps and optional
 * {@code plan9ini:} lines; steps are read as scenario steps are. {@code profiles:} gives variables for the
 * run's ${profile} (quick, default, nightly) over {@code vars:}; the caller's still win. The older form, a plain scenario with
 * {@code steps:}, is one case named after the suite. Mistakes are bad input before anything boots.
 */
public final class SuiteLoader {
    static final List<String> TOP = List.of("name", "shell", "timeout", "watchdog", "vars", "patterns", "fail-on", "include",
            "steps", "boot", "cases", "profiles");
    static final List<String> PROFILES = List.of("quick", "default", "nightly");
    static final List<String> CASE = List.of("name", "plan9ini", "disks", "fileserver", "models", "steps");
    /** The most blank disks a case may ask for. */
    public static final int MAX_DISKS = 4;
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private SuiteLoader() {
    }

    /** A suite file; without {@code name:} it is named after its directory (suites/NAME/suite.yaml) or file. */
    public static TestSuite load(Path file, Map<String, String> vars) {
        JsonNode root = YamlInput.read(file, "suite file", "check the path of the suite");
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceFirst("\\.(yaml|yml|json)$", "");
        String dflt = base.equals("suite") && dir != null && dir.getFileName() != null ? dir.getFileName().toString() : base;
        return suite(root, file.toString(), dir, vars, dflt);
    }

    public static TestSuite parse(String yaml, String sourceName, Path baseDir, Map<String, String> vars, String defaultName) {
        return suite(YamlInput.parse(yaml, sourceName), sourceName, baseDir, vars, defaultName);
    }

    private static TestSuite suite(JsonNode root, String src, Path baseDir, Map<String, String> vars, String dflt) {
        StepReader.onlyKeys(root, TOP, src);
        StepReader r = new StepReader(withProfile(root.get("profiles"), vars, src));
        StepReader.Settings s = r.settings(root, src, baseDir);
        String name = name(root.hasNonNull("name") ? s.name() : dflt, src + ": name");
        Scenario base = new Scenario(name, s.shell(), s.timeout(), s.watchdog(), s.patterns(), List.of(), src);
        if (!root.has("cases")) {
            if (root.has("boot")) throw AntsException.badInput(src + ": boot: steps need cases: to run after them", "add cases:, or rename boot: to steps:");
            List<Step> steps = new ArrayList<>(s.included());
            steps.addAll(r.steps(root.get("steps"), s.vars(), src, baseDir, s.patterns()));
            if (steps.isEmpty()) throw AntsException.badInput(src + " has no steps", "add steps: or cases:");
            return new TestSuite(name, null, List.of(new TestCase(name, done(base, name, steps, s))), src);
        }
        if (root.has("steps")) throw AntsException.badInput(src + ": steps: and cases: together", "put shared steps under boot: and the rest in cases");
        List<Step> boot = new ArrayList<>(s.included());
        boot.addAll(r.steps(root.get("boot"), s.vars(), src + ": boot", baseDir, s.patterns()));
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw AntsException.badInput(src + ": cases must be a non-empty list", "write cases: followed by '- name: NAME' and steps:");
        }
        record Read(String name, TestCase.Fresh fresh, List<String> models, List<Step> steps) {
        }
        List<Read> read = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode c : cases) {
            String where = src + ": case " + (++i);
            if (!c.isObject()) throw AntsException.badInput(where + " is not a mapping", "write '- name: NAME' with steps:");
            StepReader.onlyKeys(c, CASE, where);
            if (!c.hasNonNull("name")) throw AntsException.badInput(where + " has no name", "name each case: name: grammar");
            String cn = name(r.substitute(c.get("name"), s.vars(), where + ": name"), where + ": name");
            if (!names.add(cn)) throw AntsException.badInput(where + ": a second case named '" + cn + "'", "give each case its own name");
            where = src + ": case " + cn;
            List<Step> steps = r.steps(c.get("steps"), s.vars(), where, baseDir, s.patterns());
            if (steps.isEmpty()) throw AntsException.badInput(where + " has no steps", "add steps: with at least one step");
            TestCase.Fresh fresh = new TestCase.Fresh(plan9ini(c.get("plan9ini"), r, s.vars(), where), disks(c.get("disks"), where),
                    fileServer(c.get("fileserver"), baseDir, where));
            read.add(new Read(cn, fresh, models(c.get("models"), where), steps));
        }
        List<TestCase> out = new ArrayList<>();
        for (Read c : read) {
            out.add(new TestCase(c.name(), c.fresh(), c.models(), done(base, name + "." + c.name(), c.steps(), s)));
        }
        return new TestSuite(name, boot.isEmpty() ? null : done(base, name + " boot steps", boot, s), out, src);
    }

    /** The variables of the caller's profile (default: default) under the caller's own. */
    static Map<String, String> withProfile(JsonNode profiles, Map<String, String> vars, String src) {
        if (profiles == null || profiles.isNull()) return vars;
        String eg = "e.g. profiles: {nightly: {count: '100000'}}";
        if (!profiles.isObject()) throw AntsException.badInput(src + ": profiles must be a mapping", eg);
        for (Iterator<String> it = profiles.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            JsonNode v = profiles.get(p);
            if (!PROFILES.contains(p)) throw AntsException.badInput(src + ": profiles: unknown profile '" + clip(p) + "'", "the profiles are " + PROFILES);
            if (!v.isObject()) throw AntsException.badInput(src + ": profiles." + p + " must be a mapping of variables", eg);
            for (JsonNode x : v) {
                if (!x.isValueNode() || x.isNull()) throw AntsException.badInput(src + ": profiles." + p + " has a value that is not a scalar", eg);
            }
        }
        JsonNode chosen = profiles.get(vars == null ? "default" : vars.getOrDefault("profile", "default"));
        if (chosen == null) return vars;
        Map<String, String> out = new LinkedHashMap<>();
        chosen.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        if (vars != null) out.putAll(vars);
        return out;
    }

    /** A scenario with every failure pattern the whole file added (fail-on may appear in any case). */
    private static Scenario done(Scenario base, String name, List<Step> steps, StepReader.Settings s) {
        return new Scenario(name, base.shell(), base.timeout(), base.watchdog(), List.copyOf(s.patterns()), List.copyOf(steps), base.source());
    }

    /** plan9.ini lines: KEY=VALUE, one line each, shorter than 256 characters. */
    private static List<String> plan9ini(JsonNode n, StepReader r, Map<String, String> vars, String where) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        for (JsonNode l : n.isArray() ? n : List.of(n)) {
            String line = r.substitute(l, vars, where + ": plan9ini");
            if (!line.matches("[A-Za-z0-9*_.-]+=[^\\p{Cntrl}]*") || line.length() >= 256) {
                throw AntsException.badInput(where + ": plan9ini line '" + clip(line) + "' is not KEY=VALUE on one short line",
                        "e.g. plan9ini: [sysname=ask]");
            }
            out.add(line);
        }
        return out;
    }

    /** How many blank disks the case boots with: 0 to {@link #MAX_DISKS}. */
    private static int disks(JsonNode n, String where) {
        if (n == null || n.isNull()) return 0;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > MAX_DISKS) {
            throw AntsException.badInput(where + ": disks must be a number from 0 to " + MAX_DISKS + ", not '" + clip(n.asText()) + "'",
                    "e.g. disks: 2 (blank " + (TestCase.DISK_BYTES >> 20) + " MiB disks)");
        }
        return n.asInt();
    }

    /** The directory a case serves to its guest over 9P: relative to the suite's file, and there. */
    private static Path fileServer(JsonNode n, Path baseDir, String where) {
        if (n == null || n.isNull()) return null;
        String eg = "e.g. fileserver: netroot (a directory beside the suite file)";
        if (!n.isTextual() || n.asText().isBlank()) throw AntsException.badInput(where + ": fileserver must name a directory", eg);
        Path d = baseDir == null ? Path.of(n.asText()) : baseDir.resolve(n.asText());
        if (!Files.isDirectory(d)) throw AntsException.badInput(where + ": fileserver " + clip(n.asText()) + " is not a directory (" + d + ")", eg);
        return d;
    }

    /** The models a case is for: names, as a list or one. */
    private static List<String> models(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        for (JsonNode m : n.isArray() ? n : List.of(n)) {
            if (!m.isTextual()) throw AntsException.badInput(where + ": models must be model names", "e.g. models: [pc-scsi]");
            out.add(name(m.asText(), where + ": models"));
        }
        if (out.isEmpty()) throw AntsException.badInput(where + ": models is empty", "leave models: out to run the case on every model");
        return out;
    }

    private static String name(String n, String where) {
        if (!n.matches(NAME)) {
            throw AntsException.badInput(where + " '" + clip(n) + "' must be 1 to 64 letters, digits, '.', '_' or '-'", "e.g. name: bind-before");
        }
        return n;
    }

    private static String clip(String s) {
        return Printable.of(s);
    }
}
