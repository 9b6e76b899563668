package dev.ants.harness.suite;

import java.nio.file.Path;
import java.util.Map;

/**
 * A suite still to be read: suites use variables (a model's ${disk9}, ${arch}), so each model gets its
 * own copy, read before anything boots so a mistake is bad input at once.
 */
@FunctionalInterface
public interface SuiteSource {
    TestSuite load(Map<String, String> vars);

    /** A suite file; its default name is its directory's (suites/NAME/suite.yaml). */
    static SuiteSource file(Path file) {
        return vars -> SuiteLoader.load(file, vars);
    }

    /** Suite text, e.g. from the jar; includes resolve against {@code baseDir} (may be null). */
    static SuiteSource text(String yaml, String sourceName, Path baseDir, String defaultName) {
        return vars -> SuiteLoader.parse(yaml, sourceName, baseDir, vars, defaultName);
    }

    /** An already loaded suite, the same for every model. */
    static SuiteSource of(TestSuite suite) {
        return vars -> suite;
    }
}
