package dev.ants.pipeline.suite;

import dev.ants.core.FileTrees;
import dev.ants.harness.suite.SuiteSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One regression suite: its scenario text, the files it needs in the guest (relative name to content),
 * which go on the suite disk under {@code <name>/}, and the files of its subdirectories, which stay on
 * the host (what a case's {@code fileserver:} serves).
 */
public record Suite(String name, String scenarioYaml, Map<String, byte[]> files, Map<String, byte[]> hostFiles) {
    public Suite {
        // in the catalog's (sorted) order: the suite disk's file order follows it
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        hostFiles = Collections.unmodifiableMap(new LinkedHashMap<>(hostFiles));
    }

    /** The suite to read, its host files first written under {@code dir/<name>/}, where its paths resolve. */
    public SuiteSource source(Path dir) throws IOException {
        Path base = null;
        if (!hostFiles.isEmpty()) {
            base = dir.resolve(name);
            // a report directory is reused: files left from an earlier suite must not be served
            FileTrees.deleteTree(base);
            for (Map.Entry<String, byte[]> f : hostFiles.entrySet()) {
                Path p = base.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        }
        return SuiteSource.text(scenarioYaml, "suites/" + name + "/suite.yaml", base, name);
    }
}
