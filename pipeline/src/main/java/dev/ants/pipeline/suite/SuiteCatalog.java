package dev.ants.pipeline.suite;

import dev.ants.core.AntsException;
import dev.ants.core.Bundled;
import dev.ants.harness.scenario.YamlInput;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The suites bundled with ants (the repository's suites/ directory), read into memory. */
public final class SuiteCatalog {
    static final String DIR = "ants/suites";
    private final Map<String, Suite> suites;
    private final List<String> defaults;

    private SuiteCatalog(Map<String, Suite> suites, List<String> defaults) {
        this.suites = suites;
        this.defaults = defaults;
    }

    public static SuiteCatalog builtIn() {
        try (Bundled b = Bundled.of(SuiteCatalog.class)) {
            return load(b.path(DIR));
        }
    }

    /**
     * Every subdirectory of {@code dir} with a suite.yaml is a suite; {@code index.yaml}'s
     * {@code default:} names those run when none is chosen (all of them without an index).
     */
    public static SuiteCatalog load(Path dir) {
        Map<String, Suite> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.sorted().toList()) {
                Path yaml = d.resolve("suite.yaml");
                if (!Files.isRegularFile(yaml)) continue;
                String name = d.getFileName().toString().replace("/", "");
                Map<String, byte[]> files = new LinkedHashMap<>();
                Map<String, byte[]> host = new LinkedHashMap<>();
                try (Stream<Path> f = Files.walk(d)) {
                    for (Path p : f.filter(Files::isRegularFile).sorted().toList()) {
                        String n = d.relativize(p).toString().replace('\\', '/');
                        // the suite file and its documentation stay on the host; the rest is guest data,
                        // but for subdirectories: data a case serves from the host (fileserver:)
                        if (n.contains("/")) host.put(n, Files.readAllBytes(p));
                        else if (!n.endsWith(".yaml") && !n.endsWith(".md")) files.put(n, Files.readAllBytes(p));
                    }
                }
                out.put(name, new Suite(name, Files.readString(yaml, StandardCharsets.UTF_8), files, host));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading suites from " + dir, e);
        }
        return new SuiteCatalog(out, defaults(dir.resolve("index.yaml"), out));
    }

    private static List<String> defaults(Path index, Map<String, Suite> suites) {
        if (!Files.isRegularFile(index)) return List.copyOf(suites.keySet());
        JsonNode d = YamlInput.read(index, "suite index", "").get("default");
        List<String> names = new ArrayList<>();
        if (d != null) d.forEach(n -> names.add(n.asText()));
        for (String n : names) {
            if (!suites.containsKey(n)) throw new IllegalStateException(index + ": default suite " + n + " does not exist");
        }
        return List.copyOf(names);
    }

    /** The plan9.ini suites boot with (console on COM1; ACPI on, or a multi-CPU model runs on one CPU). */
    public static byte[] plan9ini() {
        try (Bundled b = Bundled.of(SuiteCatalog.class)) {
            return Files.readAllBytes(b.path(DIR).resolve("plan9.ini"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> names() {
        return List.copyOf(suites.keySet());
    }

    /** The suites run when none is named. */
    public List<String> defaults() {
        return defaults;
    }

    /** The named suites ({@code all}: every one), or the defaults for an empty list; an unknown name is bad input. */
    public List<Suite> select(List<String> names) {
        if (names == null || names.isEmpty()) names = defaults;
        if (names.equals(List.of("all"))) return List.copyOf(suites.values());
        List<Suite> out = new ArrayList<>();
        for (String n : names) {
            Suite s = suites.get(n);
            if (s == null) {
                throw AntsException.badInput("unknown suite '" + n + "'", "known suites: " + String.join(", ", names()) + " (or all)");
            }
            out.add(s);
        }
        return out;
    }
}
