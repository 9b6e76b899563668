package dev.ants.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Synthetic trees and patch sets for tests: small made-up C files, never 9front code. Like a git
 * checkout (and 9front's trees), they have no empty directories: reversing a created file removes
 * directories it leaves empty.
 */
final class Trees {
    /** Paths NineFrontTree requires; created empty so the engine accepts the directory as a tree. */
    private static final String[] SKELETON_FILES = {"sys/src/9/port/devproc.c", "sys/src/9/pc64/pc64",
        "sys/include/libc.h", "sys/src/cmd/mk/mkfile", "sys/src/cmd/rc/mkfile", "rc/bin/lc"};

    private Trees() {
    }

    static Path tree(Path dir, Map<String, String> files) throws IOException {
        for (String f : SKELETON_FILES) write(dir, f, "/* skeleton */\n");
        write(dir, "sys/src/9/port/chan.c", "/* skeleton */\n");
        for (var e : files.entrySet()) write(dir, e.getKey(), e.getValue());
        return dir;
    }

    static void write(Path root, String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    }

    static String read(Path root, String rel) throws IOException {
        return Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
    }

    /** A patch directory holding {@code diffs} (name to text) in series order, plus new/ files. */
    static Path patchDir(Path dir, Map<String, String> diffs, Map<String, String> newFiles) throws IOException {
        Files.createDirectories(dir);
        StringBuilder series = new StringBuilder("# test series\n");
        for (var e : diffs.entrySet()) {
            series.append(e.getKey()).append('\n');
            write(dir, e.getKey(), e.getValue());
        }
        Files.writeString(dir.resolve("series"), series);
        for (var e : newFiles.entrySet()) write(dir.resolve("new"), e.getKey(), e.getValue());
        return dir;
    }

    /** Every regular file under {@code root} with its bytes, for byte-for-byte tree comparison. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", "dir " + FileModes.get(p));
                } else {
                    out.put(rel, FileModes.get(p) + ":" + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }
}
