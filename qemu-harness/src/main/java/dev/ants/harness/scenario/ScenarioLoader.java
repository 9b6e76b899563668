package dev.ants.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario YAML: the contract's vocabulary (expect, send, run + status/output, fail-on) plus
 * variables ({@code ${name}}), includes, reboot, snapshot/restore, device-del and sleep. Every mistake
 * is bad input (exit 2) naming the file and the step, before anything starts.
 */
public final class ScenarioLoader {
    static final List<String> TOP = List.of("name", "shell", "timeout", "watchdog", "vars", "patterns", "fail-on", "include", "steps");

    private ScenarioLoader() {
    }

    /** Loads a scenario file; {@code vars} override the file's own {@code vars:} (e.g. model facts, --set). */
    public static Scenario load(Path file, Map<String, String> vars) {
        JsonNode root = YamlInput.read(file, "scenario file", "check the path given to --script or include:");
        return scenario(root, file.toString(), file.toAbsolutePath().getParent(), vars);
    }

    /** Parses scenario text; includes resolve against {@code baseDir} (null: no includes). */
    public static Scenario parse(String yaml, String sourceName, Path baseDir, Map<String, String> vars) {
        return scenario(YamlInput.parse(yaml, sourceName), sourceName, baseDir, vars);
    }

    private static Scenario scenario(JsonNode root, String src, Path baseDir, Map<String, String> vars) {
        StepReader.onlyKeys(root, TOP, src);
        StepReader r = new StepReader(vars);
        StepReader.Settings s = r.settings(root, src, baseDir);
        List<Step> steps = new ArrayList<>(s.included());
        steps.addAll(r.steps(root.get("steps"), s.vars(), src, baseDir, s.patterns()));
        return new Scenario(s.name(), s.shell(), s.timeout(), s.watchdog(), List.copyOf(s.patterns()), List.copyOf(steps), src);
    }
}
