package dev.ants.hostbuild;

import dev.ants.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the last complete userland build in a build root was made from, and what it left installed.
 * When both still hold, the installed files are what mk install would leave again, so the build can
 * publish them without walking every directory's mkfile (minutes for a whole userland). Anything else
 * writing the build root (a kernel build's libraries, a half-done run) changes the installed state,
 * and the build runs in full.
 *
 * @param inputs    the tree as mk sees it, the date, the toolchain and ants's build code
 * @param installed every installed file's path, size and mtime after that build
 * @param tolerated known failures of that build, as it reported them
 */
record UserlandStamp(String inputs, String installed, Map<String, String> tolerated) {
    static final String FILE = ".ants-userland.json";

    static String inputs(BuildContext c) throws IOException {
        return new OutputCache.Key()
                .stats("tree", c.tree.root())
                .part("arch", c.arch.objtype)
                .part("epoch", String.valueOf(c.ns.epoch()))
                .part("toolchain", c.toolchain.key())
                .code()
                .hex();
    }

    static String installed(BuildContext c) throws IOException {
        OutputCache.Key k = new OutputCache.Key();
        Path base = c.build.root().resolve("root");
        for (String rel : UserlandBuild.installed(c.build, c.arch)) {
            Path f = base.resolve(rel);
            k.part(rel, Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
        }
        return k.hex();
    }

    /** The stamp of the build root's last complete build, when it was made from {@code inputs} and nothing changed since. */
    static Optional<UserlandStamp> matching(BuildContext c, String inputs) throws IOException {
        Path f = c.build.root().resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        UserlandStamp s;
        try {
            s = Json.JSON.readValue(f.toFile(), UserlandStamp.class);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return s.inputs().equals(inputs) && s.installed().equals(installed(c)) ? Optional.of(s) : Optional.empty();
    }

    /** Records a build that ended without failures (one with failures is always run again, to report them). */
    static void save(BuildContext c, String inputs, Map<String, String> tolerated) throws IOException {
        Path f = c.build.root().resolve(FILE);
        Path tmp = f.resolveSibling(FILE + ".tmp");
        Json.JSON.writeValue(tmp.toFile(), new UserlandStamp(inputs, installed(c), tolerated));
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the last build: called before mk runs, so an interrupted build never leaves a stamp that vouches for it. */
    static void clear(BuildContext c) throws IOException {
        Files.deleteIfExists(c.build.root().resolve(FILE));
    }
}
