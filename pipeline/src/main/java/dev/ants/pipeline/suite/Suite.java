package dev.ants.pipeline.suite;

import java.util.Map;

/**
 * One regression suite: its scenario text and the files it needs in the guest (relative name to
 * content), which go on the suite disk under {@code <name>/}.
 */
public record Suite(String name, String scenarioYaml, Map<String, byte[]> files) {
}
