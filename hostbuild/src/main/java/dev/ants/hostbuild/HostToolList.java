package dev.ants.hostbuild;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ants.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host tools and what the tree's mkfiles cannot say about them, as data: {@code host-tools.yaml}.
 * Which files each is built from comes from the tree's own mkfiles (see {@link UnitPlan}); this file
 * keeps only host-only choices (which directories, excludes, replacements, edits, link libraries),
 * each with the reason and the revisions it was written for.
 */
public record HostToolList(
        List<String> cflags,
        List<String> hostflags,
        List<String> ldflags,
        List<Stage> stage,
        List<Edit> edits,
        List<Unit> libraries,
        List<Unit> tools,
        byte[] raw) {

    static final String RESOURCE = "host-tools.yaml";

    /** A tree file or directory copied into the work directory besides the units' own directories. */
    public record Stage(String path, Boolean optional, String why) {
        public boolean isOptional() { return Boolean.TRUE.equals(optional); }
    }

    /**
     * A library or a tool. {@code dir}: built from that directory's mkfile (OFILES); {@code file}: a
     * single-file command of a mkmany directory; {@code from}: several directories, each with the
     * mkfile variable that lists its objects.
     */
    public record Unit(
            String name,
            String dir,
            String file,
            List<Part> from,
            @JsonProperty("own") List<String> own,
            @JsonProperty("hostOnly") List<String> hostOnly,
            List<Exclude> exclude,
            List<Replace> replace,
            List<String> defines,
            List<String> libs,
            List<Program> programs,
            Map<String, String> data,
            Boolean plain,
            @JsonProperty("planNinePaths") Boolean planNinePaths,
            Boolean optional,
            String why) {

        public List<String> own() { return own == null ? List.of() : own; }
        public List<String> hostOnly() { return hostOnly == null ? List.of() : hostOnly; }
        public List<Exclude> exclude() { return exclude == null ? List.of() : exclude; }
        public List<Replace> replace() { return replace == null ? List.of() : replace; }
        public List<String> defines() { return defines == null ? List.of() : defines; }
        public List<String> libs() { return libs == null ? List.of() : libs; }
        public List<Program> programs() { return programs == null ? List.of() : programs; }
        public Map<String, String> data() { return data == null ? Map.of() : data; }
        /** Built with the host's own headers and libc (rc's Unix port), not our layer. */
        public boolean isPlain() { return Boolean.TRUE.equals(plain); }
        /** A tool older trees lack (its file or directory): skipped there, with {@code why} it is wanted. */
        public boolean isOptional() { return Boolean.TRUE.equals(optional); }
        /** Compiled where the tree's /ARCH directories exist, for absolute #include paths. */
        public boolean needsPlanNinePaths() { return Boolean.TRUE.equals(planNinePaths); }

        /** The directories and mkfile variables this unit's objects are listed in. */
        public List<Part> parts() {
            List<Part> r = new ArrayList<>();
            if (dir != null) r.add(new Part(dir, null, null, null, null));
            if (from != null) r.addAll(from);
            return r;
        }
    }

    /**
     * Objects listed in {@code dir}'s mkfile: the variable {@code var} (default OFILES), or only the
     * files named in {@code only}. An optional part may be missing, or list nothing, in some revisions.
     */
    public record Part(String dir, String var, List<String> only, Boolean optional, String why) {
        public String variable() { return var == null ? "OFILES" : var; }
        public boolean isOptional() { return Boolean.TRUE.equals(optional); }
    }

    /** Source files (by name) left out of a unit on the host. */
    public record Exclude(List<String> files, String why, String revisions) { }

    /** An object the tree builds from {@code file} that the host builds from {@code with}. */
    public record Replace(String file, String with, String why, String revisions) { }

    /**
     * A generator program a recipe builds with the target compiler and runs (mkrunetype): the host
     * builds {@code source} with gcc and {@code libs}, and runs it with tree paths bound where it opens them.
     */
    public record Program(String source, List<String> libs, Map<String, String> binds, String why) {
        public List<String> libs() { return libs == null ? List.of() : libs; }
        public Map<String, String> binds() { return binds == null ? Map.of() : binds; }
    }

    /**
     * Replace {@code from} (which must occur exactly once, or with {@code all} at least once) with
     * {@code to} in a staged file, or add {@code append} at its end; {@code revisions} names the tree
     * revisions the edit was written for.
     */
    public record Edit(String file, String from, String to, String append, String why, String revisions, Boolean optional,
                       Boolean all, Boolean ifFound) {
        /** The edit of an optional unit's file: skipped where the tree has no such file. */
        boolean isOptional() { return Boolean.TRUE.equals(optional); }

        /** A fix for the revisions that have its text (a bug 9front fixed later): skipped where the text is absent. */
        boolean onlyWhereFound() { return Boolean.TRUE.equals(ifFound); }

        /** Every occurrence of a spelling (long long), rather than one place. */
        boolean everywhere() { return Boolean.TRUE.equals(all); }

        String describe() {
            return append != null ? "append to " + file + " (" + why + ")"
                    : file + ": '" + from.strip() + "' -> '" + to.strip() + "' (" + why + ")";
        }
    }

    private record Doc(List<String> cflags, List<String> hostflags, List<String> ldflags, List<Stage> stage,
                       List<Edit> edits, List<Unit> libraries,
                       List<Unit> tools) { }

    public static HostToolList load() {
        try (InputStream in = HostToolList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the ants jar");
            byte[] raw = in.readAllBytes();
            Doc d = Json.YAML.readValue(raw, Doc.class);
            return new HostToolList(d.cflags(), d.hostflags(), d.ldflags(), d.stage() == null ? List.of() : d.stage(),
                    d.edits() == null ? List.of() : d.edits(), d.libraries(), d.tools(), raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Libraries first, then tools, in file order. */
    public List<Unit> units() {
        List<Unit> all = new ArrayList<>(libraries);
        all.addAll(tools);
        return all;
    }

    public boolean isLibrary(Unit u) {
        return libraries.contains(u);
    }
}
