package dev.ants.hostbuild;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ants.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Userland directories whose mk install may fail without failing the build, each with the reason,
 * as data ({@code userland-known-failures.yaml}): a failure is never tolerated silently, and the
 * manifest lists every tolerated one.
 */
final class KnownFailures {
    static final String RESOURCE = "userland-known-failures.yaml";

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(String dir, String reason) { }

    record Doc(List<Entry> known) { }

    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    static KnownFailures load() {
        try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the hostbuild jar");
            Doc d = Json.YAML.readValue(in, Doc.class);
            List<Entry> known = d.known() == null ? List.of() : d.known();
            return new KnownFailures(known.stream().collect(Collectors.toMap(Entry::dir, Entry::reason)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Why a failure of {@code dir} (a Plan 9 path) is tolerated, or null if it is not. */
    String reason(String dir) {
        return reasons.get(dir);
    }

    Map<String, String> all() {
        return reasons;
    }
}
