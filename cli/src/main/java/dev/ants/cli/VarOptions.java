package dev.ants.cli;

import dev.ants.core.AntsException;
import dev.ants.harness.expect.Printable;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** --var KEY=VALUE: a scenario or suite variable, winning over the file's vars: and its profile's. */
public final class VarOptions {
    @Option(names = "--var", paramLabel = "KEY=VALUE",
            description = "Scenario variable (repeatable), e.g. --var fuzzcount=20000; wins over the suite's own.")
    List<String> vars = new ArrayList<>();

    public Map<String, String> vars() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : vars) {
            int eq = v.indexOf('=');
            String key = eq < 0 ? v : v.substring(0, eq);
            if (eq < 0 || !key.matches("[A-Za-z0-9_.-]+")) {
                throw AntsException.badInput("--var " + Printable.of(v) + " is not KEY=VALUE", "e.g. --var fuzzcount=20000");
            }
            out.put(key, v.substring(eq + 1));
        }
        return Collections.unmodifiableMap(out);
    }
}
