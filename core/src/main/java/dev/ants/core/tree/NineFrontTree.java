package dev.ants.core.tree;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A user's 9front source tree: validated once, never written. The files checked are the ones every
 * later step relies on, so a wrong directory fails here with one sentence instead of deep in a build.
 */
public final class NineFrontTree {
    /** Paths (relative to the tree root) that identify a 9front checkout. */
    static final List<String> REQUIRED = List.of(
            "sys/src/9/port/chan.c",
            "sys/src/9/port/devproc.c",
            "sys/src/9/pc64/pc64",
            "sys/src/cmd/mk",
            "sys/src/cmd/rc",
            "sys/include/libc.h",
            "rc/bin");

    public static final String HOW_TO_GET_ONE =
            "get a 9front checkout with 'git clone https://git.9front.org/plan9front/9front ~/9front' (or the "
            + "GitHub mirror https://github.com/9front/9front) and pass --tree ~/9front (tests read ANTS_9FRONT_TREE)";

    private final Path root;

    private NineFrontTree(Path root) {
        this.root = root;
    }

    /** Validates {@code dir} as a 9front tree; throws a bad-input {@link AntsException} if it is not. */
    public static NineFrontTree open(Path dir) {
        if (dir == null) {
            throw AntsException.badInput("no 9front tree given", HOW_TO_GET_ONE);
        }
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw AntsException.badInput("9front tree " + root + " does not exist or is not a directory",
                    HOW_TO_GET_ONE);
        }
        for (String rel : REQUIRED) {
            if (!Files.exists(root.resolve(rel))) {
                throw AntsException.badInput(root + " is not a complete 9front tree: " + rel + " is missing",
                        HOW_TO_GET_ONE);
            }
        }
        return new NineFrontTree(root);
    }

    /**
     * The tree named by the system property or the environment variable ANTS_9FRONT_TREE (so both
     * {@code mvn verify -DANTS_9FRONT_TREE=DIR} and an exported variable work), or null when neither is set.
     */
    public static Path fromEnvironment() {
        String v = System.getProperty("ANTS_9FRONT_TREE");
        if (v == null || v.isBlank()) v = System.getenv("ANTS_9FRONT_TREE");
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /**
     * The git commit of the tree when it is a git checkout (reading .git directly, so no git binary is
     * needed), else null. Trees extracted with git archive have no .git; callers fall back to hashes.
     */
    public String gitRevision() {
        try {
            Path git = root.resolve(".git");
            if (Files.isRegularFile(git)) {
                String line = Files.readString(git).trim();
                if (!line.startsWith("gitdir:")) return null;
                git = root.resolve(line.substring(7).trim());
            }
            Path head = git.resolve("HEAD");
            if (!Files.isRegularFile(head)) return null;
            String ref = Files.readString(head).trim();
            if (!ref.startsWith("ref:")) return ref;
            Path refFile = git.resolve(ref.substring(4).trim());
            if (Files.isRegularFile(refFile)) return Files.readString(refFile).trim();
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                String name = ref.substring(4).trim();
                for (String l : Files.readAllLines(packed)) {
                    if (l.endsWith(" " + name)) return l.substring(0, l.indexOf(' '));
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Refuses an output inside the tree (ants never writes the tree) or containing it (a copy would
     * copy itself, without end). Both sides are compared as real paths, so a symbolic link on the way
     * to either cannot hide the overlap; an output that does not exist yet is resolved through its
     * nearest existing parent.
     */
    public void requireOutside(Path output, String option) {
        Path out = realPath(output.toAbsolutePath().normalize());
        Path tree = realPath(root);
        if (out.startsWith(tree) || tree.startsWith(out)) {
            String via = out.equals(output.toAbsolutePath().normalize()) ? "" : " (it resolves to " + out + ")";
            throw AntsException.badInput(option + " " + output + " overlaps the 9front tree " + tree + via,
                    "choose an output outside the tree; ants never writes into your tree");
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path realPath(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
