package dev.ants.patch;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads tree files once and caches them, so planning both directions costs one read per file. */
final class TreeReader {
    /** A file's bytes and permission bits; null content means the file does not exist. */
    record Snapshot(byte[] content, int mode) {
        boolean exists() {
            return content != null;
        }
    }

    private final Path root;
    private final Map<String, Snapshot> cache = new HashMap<>();

    TreeReader(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Snapshot read(String rel) {
        return cache.computeIfAbsent(rel, this::load);
    }

    private Snapshot load(String rel) {
        Path p = root.resolve(rel);
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw AntsException.badInput("the patch set writes " + rel + ", but in tree " + root + " that is a directory",
                        "use a clean 9front tree");
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return new Snapshot(null, 0);
            return new Snapshot(Files.readAllBytes(p), FileModes.get(p));
        } catch (IOException e) {
            throw AntsException.environment("cannot read " + p + ": " + e.getMessage(), "check its permissions");
        }
    }
}
