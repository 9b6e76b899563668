package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A patch set held in memory: the diffs named by {@code series}, in order, then the wholly new files
 * (the {@code new/} directory, and the plan9rc scripts listed in plan9rc's {@code install.txt}).
 * plan9rc may also carry a {@code series} of its own diffs (its line in the boot paq's proto); they
 * apply after the set's diffs and are named {@code plan9rc/NAME}.
 * Layout of a patch directory:
 * <pre>
 *   series            one diff file name per line, with variants for other revisions (see {@link Series})
 *   *.diff            unified diffs against the tree root, a/ and b/ prefixes (-p1)
 *   new/&lt;path&gt;       files copied to &lt;path&gt; in the tree; the tree must not have them yet
 * </pre>
 * plan9rc's {@code install.txt}: lines {@code source destination [mode]}, source relative to the
 * plan9rc directory, destination relative to the tree root (a trailing '/' keeps the source's name),
 * mode in octal (default 664). Without install.txt no scripts are installed.
 * Everything is read once, so a set taken from inside a jar needs no extraction.
 */
public final class PatchSet {
    /**
     * One series entry: its diffs and, tried in order when they do not apply, variants of it for
     * other revisions. {@code range} is the revisions a diff was written for ("" when unsaid).
     */
    public record Patch(String name, List<FilePatch> files, String range, List<Patch> variants) {
        public Patch {
            variants = List.copyOf(variants);
        }

        /** This diff, then its variants: the order the engine tries them in. */
        public List<Patch> tried() {
            List<Patch> all = new ArrayList<>();
            all.add(new Patch(name, files, range, List.of()));
            all.addAll(variants);
            return all;
        }
    }

    /** A file the set adds whole; {@code source} says where it came from, for reports. */
    public record NewFile(String source, String path, byte[] content, int mode) {
    }

    public static final int DEFAULT_MODE = 0664;

    private final String origin;
    private final List<Patch> patches;
    private final List<NewFile> newFiles;
    private final String fingerprint;

    PatchSet(String origin, List<Patch> patches, List<NewFile> newFiles, String fingerprint) {
        this.origin = origin;
        this.patches = List.copyOf(patches);
        this.newFiles = List.copyOf(newFiles);
        this.fingerprint = fingerprint;
    }

    /**
     * Reads the patch set in {@code patchDir} and, when {@code plan9rcDir} is not null and has an
     * install.txt, the scripts it lists.
     */
    public static PatchSet load(Path patchDir, Path plan9rcDir, String origin) {
        try {
            return read(patchDir, plan9rcDir, origin);
        } catch (IOException e) {
            throw AntsException.environment("cannot read the patch set in " + patchDir + ": " + e,
                    "check the directory's permissions");
        }
    }

    private static PatchSet read(Path patchDir, Path plan9rcDir, String origin) throws IOException {
        Fingerprint fp = new Fingerprint();
        Path series = patchDir.resolve("series");
        Path newDir = patchDir.resolve("new");
        if (!Files.isRegularFile(series) && !Files.isDirectory(newDir)) {
            throw AntsException.badInput("no patch set in " + origin + ": it has neither a series file nor a new/ directory",
                    "point at a directory laid out as kernel-patches/README.md describes");
        }
        List<Patch> patches = new ArrayList<>(series(patchDir, "", origin, fp));
        List<NewFile> newFiles = new ArrayList<>();
        if (Files.isDirectory(newDir)) {
            for (Path f : regularFiles(newDir)) {
                String rel = relative(newDir, f);
                byte[] content = Files.readAllBytes(f);
                fp.add("new/" + rel, content);
                newFiles.add(new NewFile("new/" + rel, rel, content, DEFAULT_MODE));
            }
        }
        if (plan9rcDir != null) {
            patches.addAll(series(plan9rcDir, "plan9rc/", "plan9rc", fp));
            newFiles.addAll(plan9rc(plan9rcDir, fp));
        }
        return new PatchSet(origin, patches, newFiles, fp.hex());
    }

    /**
     * The diffs {@code dir/series} lists, in order, each with its variants; none without a series
     * file. {@code prefix} goes before each patch's name (plan9rc's own diffs are plan9rc/NAME).
     */
    private static List<Patch> series(Path dir, String prefix, String origin, Fingerprint fp) throws IOException {
        List<Patch> patches = new ArrayList<>();
        Path series = dir.resolve("series");
        if (!Files.isRegularFile(series)) return patches;
        byte[] seriesBytes = Files.readAllBytes(series);
        fp.add(prefix + "series", seriesBytes);
        for (Series.Entry e : Series.parse(new String(seriesBytes, StandardCharsets.UTF_8), origin)) {
            List<Patch> tried = new ArrayList<>();
            for (Series.Variant v : e.variants()) tried.add(diff(dir, prefix, origin, v, fp));
            patches.add(new Patch(tried.get(0).name(), tried.get(0).files(), tried.get(0).range(),
                    tried.subList(1, tried.size())));
        }
        return patches;
    }

    private static Patch diff(Path dir, String prefix, String origin, Series.Variant v, Fingerprint fp) throws IOException {
        Path file = dir.resolve(v.name()).normalize();
        if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
            throw AntsException.badInput(origin + "/series names " + v.name() + ", which is not a file in " + origin,
                    "add the patch file or remove its line from series");
        }
        byte[] diff = Files.readAllBytes(file);
        String name = prefix + v.name();
        fp.add(name, diff);
        return new Patch(name, new UnifiedDiffParser(v.strip()).parse(name, diff), v.range(), List.of());
    }

    private static List<NewFile> plan9rc(Path dir, Fingerprint fp) throws IOException {
        Path list = dir.resolve("install.txt");
        if (!Files.isRegularFile(list)) return List.of();
        byte[] listBytes = Files.readAllBytes(list);
        fp.add("plan9rc/install.txt", listBytes);
        List<NewFile> out = new ArrayList<>();
        int lineNo = 0;
        for (String raw : new String(listBytes, StandardCharsets.UTF_8).split("\n", -1)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] w = line.split("\\s+");
            String where = "plan9rc/install.txt line " + lineNo;
            if (w.length < 2 || w.length > 3 || (w.length == 3 && !w[2].matches("[0-7]{3,4}"))) {
                throw AntsException.badInput(where + " is not \"source destination [mode]\": " + line,
                        "write one script per line, e.g. \"plan9rc rc/bin/plan9rc 775\"");
            }
            Path src = dir.resolve(w[0]).normalize();
            if (!src.startsWith(dir.normalize()) || !Files.isRegularFile(src)) {
                throw AntsException.badInput(where + " names " + w[0] + ", which is not a file in plan9rc/",
                        "fix the name or add the script");
            }
            String dest = w[1].replaceFirst("^/+", "");
            if (dest.endsWith("/")) dest = dest + src.getFileName();
            dest = TreePaths.check(dest, where);
            int mode = w.length == 3 ? Integer.parseInt(w[2], 8) : DEFAULT_MODE;
            byte[] content = Files.readAllBytes(src);
            fp.add("plan9rc/" + w[0] + " " + dest + " " + mode, content);
            out.add(new NewFile("plan9rc/" + w[0], dest, content, mode));
        }
        return out;
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String relative(Path base, Path f) {
        List<String> parts = new ArrayList<>();
        for (Path p : base.relativize(f)) parts.add(p.toString());
        return String.join("/", parts);
    }

    /** Where the set was read from, for reports and messages. */
    public String origin() {
        return origin;
    }

    public List<Patch> patches() {
        return patches;
    }

    public List<NewFile> newFiles() {
        return newFiles;
    }

    /** sha256 over every file of the set, so a build can record exactly which set it used. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Hash of (name, bytes) pairs sorted by name; series order is covered by hashing series itself. */
    private static final class Fingerprint {
        private final TreeMap<String, byte[]> parts = new TreeMap<>();

        void add(String name, byte[] content) {
            parts.put(name, content);
        }

        String hex() {
            MessageDigest md = Sha256.digest();
            for (var e : parts.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Sha256.digest().digest(e.getValue()));
            }
            return Sha256.hex(md.digest());
        }
    }
}
