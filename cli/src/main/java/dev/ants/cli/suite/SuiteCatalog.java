package dev.ants.cli.suite;

import dev.ants.core.AntsException;
import dev.ants.core.Bundled;

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

    private SuiteCatalog(Map<String, Suite> suites) {
        this.suites = suites;
    }

    public static SuiteCatalog builtIn() {
        try (Bundled b = Bundled.of(SuiteCatalog.class)) {
            return load(b.path(DIR));
        }
    }

    /** Every subdirectory of {@code dir} with a suite.yaml is a suite. */
    public static SuiteCatalog load(Path dir) {
        Map<String, Suite> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path d : s.sorted().toList()) {
                Path yaml = d.resolve("suite.yaml");
                if (!Files.isRegularFile(yaml)) continue;
                String name = d.getFileName().toString().replace("/", "");
                Map<String, byte[]> files = new LinkedHashMap<>();
                try (Stream<Path> f = Files.list(d)) {
                    for (Path p : f.sorted().toList()) {
                        String n = p.getFileName().toString().replace("/", "");
                        if (Files.isRegularFile(p) && !n.endsWith(".yaml")) files.put(n, Files.readAllBytes(p));
                    }
                }
                out.put(name, new Suite(name, Files.readString(yaml, StandardCharsets.UTF_8), files));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading suites from " + dir, e);
        }
        return new SuiteCatalog(out);
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

    /** The named suites, or all of them for an empty list; an unknown name is bad input. */
    public List<Suite> select(List<String> names) {
        if (names == null || names.isEmpty()) return List.copyOf(suites.values());
        List<Suite> out = new ArrayList<>();
        for (String n : names) {
            Suite s = suites.get(n);
            if (s == null) {
                throw AntsException.badInput("unknown suite '" + n + "'", "known suites: " + String.join(", ", names()));
            }
            out.add(s);
        }
        return out;
    }
}
