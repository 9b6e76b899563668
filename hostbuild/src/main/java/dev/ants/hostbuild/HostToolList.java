package dev.ants.hostbuild;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ants.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The host tools and the tree files each is built from, as data: {@code host-tools.yaml}. Java only
 * interprets it, so following a new 9front revision means editing that file, not code.
 */
public record HostToolList(
        List<String> cflags,
        List<String> stage,
        Map<String, String> overrides,
        List<Edit> edits,
        List<Unit> libraries,
        List<Unit> tools,
        byte[] raw) {

    static final String RESOURCE = "host-tools.yaml";

    /** A library or a tool: what to generate first, what to compile, what to link. */
    public record Unit(
            String name,
            @JsonProperty("own") List<String> own,
            @JsonProperty("hostOnly") List<String> hostOnly,
            List<String> sources,
            List<String> exclude,
            List<String> include,
            List<String> defines,
            List<String> libs,
            List<Generate> generate,
            Map<String, String> data,
            Boolean plain,
            @JsonProperty("planNinePaths") Boolean planNinePaths) {

        public List<String> own() { return own == null ? List.of() : own; }
        public List<String> hostOnly() { return hostOnly == null ? List.of() : hostOnly; }
        public List<String> sources() { return sources == null ? List.of() : sources; }
        public List<String> exclude() { return exclude == null ? List.of() : exclude; }
        public List<String> include() { return include == null ? List.of() : include; }
        public List<String> defines() { return defines == null ? List.of() : defines; }
        public List<String> libs() { return libs == null ? List.of() : libs; }
        public List<Generate> generate() { return generate == null ? List.of() : generate; }
        public Map<String, String> data() { return data == null ? Map.of() : data; }
        /** Built with the host's own headers and libc (rc's Unix port), not our layer. */
        public boolean isPlain() { return Boolean.TRUE.equals(plain); }
        /** Compiled where the tree's /ARCH directories exist, for absolute #include paths. */
        public boolean needsPlanNinePaths() { return Boolean.TRUE.equals(planNinePaths); }
    }

    /** Replace {@code from} (which must occur exactly once) with {@code to} in a staged file. */
    public record Edit(String file, String from, String to) { }

    /**
     * A generated source: {@code yacc} args run in {@code dir}; an {@code enam} table from a header;
     * or a generator program {@code run} (built with {@code libs}, run in {@code dir} with tree paths
     * bound at the absolute paths it opens). A {@code run} whose source is absent is skipped.
     */
    public record Generate(List<String> yacc, String dir, String enam, String to,
                           String run, List<String> libs, Map<String, String> binds) {
        public List<String> libs() { return libs == null ? List.of() : libs; }
        public Map<String, String> binds() { return binds == null ? Map.of() : binds; }
    }

    private record Doc(List<String> cflags, List<String> stage, Map<String, String> overrides,
                       List<Edit> edits, List<Unit> libraries, List<Unit> tools) { }

    public static HostToolList load() {
        try (InputStream in = HostToolList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the ants jar");
            byte[] raw = in.readAllBytes();
            Doc d = Json.YAML.readValue(raw, Doc.class);
            return new HostToolList(d.cflags(), d.stage(), d.overrides() == null ? Map.of() : d.overrides(),
                    d.edits() == null ? List.of() : d.edits(),
                    d.libraries(), d.tools(), raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
