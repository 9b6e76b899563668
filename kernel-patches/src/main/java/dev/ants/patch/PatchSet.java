package dev.ants.patch;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 *   series            one diff file name per line (optionally followed by -pN); '#' starts a comment
 *   *.diff            unified diffs against the tree root, a/ and b/ prefixes (-p1)
 *   new/&lt;path&gt;       files copied to &lt;path&gt; in the tree; the tree must not have them yet
 * </pre>
 * plan9rc's {@code install.txt}: lines {@code source destination [mode]}, source relative to the
 * plan9rc directory, destination relative to the tree root (a trailing '/' keeps the source's name),
 * mode in octal (default 664). Without install.txt no scripts are installed.
 * Everything is read once, so a set taken from inside a jar needs no extraction.
 */
public final class PatchSet {
    /** The diffs of one series entry. */
    public record Patch(String name, List<FilePatch> files) {
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
     * The diffs {@code dir/series} lists, in order; none without a series file. {@code prefix} goes
     * before each patch's name (plan9rc's own diffs are reported as plan9rc/NAME).
     */
    private static List<Patch> series(Path dir, String prefix, String origin, Fingerprint fp) throws IOException {
        List<Patch> patches = new ArrayList<>();
        Path series = dir.resolve("series");
        if (!Files.isRegularFile(series)) return patches;
        byte[] seriesBytes = Files.readAllBytes(series);
        fp.add(prefix + "series", seriesBytes);
        int lineNo = 0;
        for (String raw : new String(seriesBytes, StandardCharsets.UTF_8).split("\n", -1)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+");
            int strip = 1;
            if (words.length > 2 || (words.length == 2 && !words[1].matches("-p\\d+"))) {
                throw AntsException.badInput(origin + "/series line " + lineNo + " is not \"NAME [-pN]\": " + line,
                        "list one patch file per line");
            }
            if (words.length == 2) strip = Integer.parseInt(words[1].substring(2));
            String name = words[0];
            Path file = dir.resolve(name).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                throw AntsException.badInput(origin + "/series names " + name + ", which is not a file in " + origin,
                        "add the patch file or remove its line from series");
            }
            byte[] diff = Files.readAllBytes(file);
            fp.add(prefix + name, diff);
            patches.add(new Patch(prefix + name, new UnifiedDiffParser(strip).parse(prefix + name, diff)));
        }
        return patches;
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
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (var e : parts.entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
