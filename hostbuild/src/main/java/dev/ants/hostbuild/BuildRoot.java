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
    /** Where the namespace mounts the patch overlay read-only; links to patched files point there. */
    static final String OVERLAY_MOUNT = "/.overlay";
    /** The user the namespace builds as, and their $home, which mkfiles may install into ($home/bin/$objtype). */
    static final String USER = "glenda";
    static final String HOME = "/home/" + USER;
    /**
     * Directories shadowed writable; all other top-level tree directories are bound read-only.
     * Besides objects and /$objtype, mk install writes /rc/bin, /acme/bin/$objtype, /sys/lib and $home.
     */
    static final List<String> SHADOWED = shadowed();

    private static List<String> shadowed() {
        List<String> r = new ArrayList<>(List.of("sys/src", "sys/lib"));
        for (Arch a : Arch.values()) r.add(a.objtype);
        r.addAll(List.of("rc", "acme", HOME.substring(1)));
        return List.copyOf(r);
    }
    private static final Pattern BIN = Pattern.compile("^BIN=/\\$objtype/bin(/\\S*)?\\s*$", Pattern.MULTILINE);

    private final Path tree;
    private final Path root;
    private final Path overlay;

    BuildRoot(Path tree, Path root) {
        this(tree, root, null);
    }

    /**
     * @param overlay files that replace or add to the tree's (a patch set's result), laid out like the
     *                tree; null for a stock build
     */
    BuildRoot(Path tree, Path root, Path overlay) {
        this.tree = tree;
        this.root = root;
        this.overlay = overlay;
    }

    Path overlay() {
        return overlay;
    }

    /** The user's tree. */
    Path tree() {
        return tree;
    }

    Path root() {
        return root;
    }

    Path shadow(String rel) {
        return root.resolve("root").resolve(rel);
    }

    /**
     * Brings the shadow in line with the tree and the overlay: overlay files linked first (they win),
     * then new tree files linked, vanished ones unlinked.
     *
     * @return true when a file that came from the overlay now comes from the tree again: its objects
     *         are newer than the tree file, so mk would keep them; the caller must start clean
     */
    boolean sync() throws IOException {
        requireOverlayInShadow();
        boolean revertedToTree = false;
        for (String rel : SHADOWED) {
            Path from = tree.resolve(rel);
            Path to = shadow(rel);
            Files.createDirectories(to);
            if (overlay != null && Files.isDirectory(overlay.resolve(rel))) {
                link(overlay.resolve(rel), to, OVERLAY_MOUNT + "/" + rel);
            }
            if (!Files.isDirectory(from)) continue;
            link(from, to, TREE_MOUNT + "/" + rel);
            revertedToTree |= relink(to, rel);
        }
        for (Arch a : Arch.values()) {
            String objtype = a.objtype;
            Files.createDirectories(shadow(HOME.substring(1) + "/bin/" + objtype));
            Files.createDirectories(shadow(objtype + "/lib"));
            Files.createDirectories(shadow(objtype + "/bin"));
            for (String sub : binSubdirs()) Files.createDirectories(shadow(objtype + "/bin" + sub));
            for (String d : InstallDirs.of(tree, objtype)) {
                if (SHADOWED.stream().anyMatch(s -> d.startsWith("/" + s + "/"))) Files.createDirectories(shadow(d.substring(1)));
            }
        }
        Files.createDirectories(shadow(HOME.substring(1) + "/bin/rc"));
        return revertedToTree;
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

    /**
     * Points every link at the overlay's file if it has one, else the tree's, and removes links to
     * neither (a file deleted by a new revision or no longer made by the patch set).
     */
    private boolean relink(Path shadow, String rel) throws IOException {
        boolean reverted = false;
        List<Path> links;
        try (Stream<Path> s = Files.walk(shadow)) {
            links = s.filter(Files::isSymbolicLink).toList();
        }
        for (Path p : links) {
            String r = rel + "/" + shadow.relativize(p);
            String want = overlay != null && Files.isRegularFile(overlay.resolve(r)) ? OVERLAY_MOUNT + "/" + r
                    : Files.exists(tree.resolve(r)) ? TREE_MOUNT + "/" + r : null;
            String have = Files.readSymbolicLink(p).toString();
            if (have.equals(want)) continue;
            Files.delete(p);
            if (have.startsWith(OVERLAY_MOUNT + "/")) reverted = true;
            if (want != null) Files.createSymbolicLink(p, Path.of(want));
        }
        return reverted;
    }

    /** Overlay files must lie in the shadowed directories: the rest of the tree is bound read-only. */
    private void requireOverlayInShadow() throws IOException {
        if (overlay == null) return;
        try (Stream<Path> s = Files.walk(overlay)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String r = overlay.relativize(f).toString();
                if (SHADOWED.stream().noneMatch(d -> r.startsWith(d + "/"))) {
                    throw dev.ants.core.AntsException.badInput("the patch set changes " + r
                            + ", outside the directories a build can overlay (" + String.join(", ", SHADOWED) + ")",
                            "build from a patched copy: ants patch --tree T -o DIR, then ants kernel --tree DIR --no-patches");
                }
            }
        }
    }

    /**
     * Replaces the shadow's link to a tree file by a copy of it, so a recipe can rewrite it: some
     * tracked files are also mk targets (vnc's errstr.h, jpg's rgbv.h, postscript's prologues) and a
     * checkout's mtimes make mk remake them, writing through the link into the read-only tree.
     *
     * @param path a Plan 9 path, absolute or relative to {@code cwd}
     * @return true if a link was replaced
     */
    boolean materialize(String path, String cwd) throws IOException {
        String p9 = Path.of(path.startsWith("/") ? path : cwd + "/" + path).normalize().toString();
        if (SHADOWED.stream().noneMatch(r -> p9.startsWith("/" + r + "/"))) return false;
        Path link = shadow(p9.substring(1));
        if (!Files.isSymbolicLink(link)) return false;
        String target = Files.readSymbolicLink(link).toString();
        Path real;
        if (target.startsWith(TREE_MOUNT + "/")) real = tree.resolve(target.substring(TREE_MOUNT.length() + 1));
        else if (overlay != null && target.startsWith(OVERLAY_MOUNT + "/")) real = overlay.resolve(target.substring(OVERLAY_MOUNT.length() + 1));
        else return false;
        Files.delete(link);
        // the tree file's mtime is kept: the copy must not look newer than what mk compares it with
        Files.copy(real, link, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        link.toFile().setWritable(true, true);
        return true;
    }

    /** Creates a missing directory an install copies into, if it lies in the shadow (a Plan 9 path). */
    boolean createInstallDir(String p9) throws IOException {
        if (SHADOWED.stream().noneMatch(r -> p9.startsWith("/" + r + "/"))) return false;
        Path d = shadow(p9.substring(1));
        if (Files.exists(d, LinkOption.NOFOLLOW_LINKS)) return false;
        Files.createDirectories(d);
        return true;
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
