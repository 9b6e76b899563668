package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The writable side of a target build: a shadow of the tree's sys/src, /amd64 and /386 made of real
 * directories and symbolic links to the tree's files as the namespace sees them (read-only, under
 * {@link #TREE_MOUNT}). mk writes objects and installs next to the links; the user's tree is never
 * written (a recipe that tried would hit the read-only mount). Kept between builds, so mk's own
 * up-to-date checks make rebuilds incremental.
 */
final class BuildRoot {
    /** Where the namespace mounts the user's tree read-only; the shadow's links point there. */
    static final String TREE_MOUNT = "/.tree";
    /** Tree directories shadowed writable; all other top-level tree directories are bound read-only. */
    static final List<String> SHADOWED = List.of("sys/src", "amd64", "386");
    private static final Pattern BIN = Pattern.compile("^BIN=/\\$objtype/bin(/\\S*)?\\s*$", Pattern.MULTILINE);

    private final Path tree;
    private final Path root;

    BuildRoot(Path tree, Path root) {
        this.tree = tree;
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path shadow(String rel) {
        return root.resolve("root").resolve(rel);
    }

    /** Brings the shadow in line with the tree: new files linked, vanished ones unlinked. */
    void sync() throws IOException {
        for (String rel : SHADOWED) {
            Path from = tree.resolve(rel);
            Path to = shadow(rel);
            Files.createDirectories(to);
            if (!Files.isDirectory(from)) continue;
            link(from, to, TREE_MOUNT + "/" + rel);
            prune(to, from);
        }
        for (String objtype : List.of("amd64", "386")) {
            Files.createDirectories(shadow(objtype + "/lib"));
            Files.createDirectories(shadow(objtype + "/bin"));
            for (String sub : binSubdirs()) Files.createDirectories(shadow(objtype + "/bin" + sub));
        }
    }

    private static void link(Path from, Path to, String mount) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Path t = to.resolve(from.relativize(d).toString());
                if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(t);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                String rel = from.relativize(f).toString();
                Path t = to.resolve(rel);
                if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(t, Path.of(mount + "/" + rel));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Removes links whose tree file is gone (a file deleted by a new revision or a patch). */
    private static void prune(Path shadow, Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(shadow)) {
            for (Path p : s.filter(Files::isSymbolicLink).toList()) {
                if (!Files.exists(tree.resolve(shadow.relativize(p).toString()))) Files.delete(p);
            }
        }
    }

    /** /$objtype/bin subdirectories the mkfiles install into (git does not track empty directories). */
    List<String> binSubdirs() throws IOException {
        List<String> r = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tree.resolve("sys/src/cmd"))) {
            for (Path mk : s.filter(p -> p.getFileName().toString().equals("mkfile")).toList()) {
                Matcher m = BIN.matcher(Files.readString(mk, java.nio.charset.StandardCharsets.ISO_8859_1));
                while (m.find()) if (m.group(1) != null && !r.contains(m.group(1))) r.add(m.group(1));
            }
        }
        return r;
    }
}
