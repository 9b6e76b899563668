package dev.ants.image.root;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Composes an image's root from the tree (with the release recipe's overlays), the built userland,
 * the kernel and boot loaders, and the layout's directories and installer files. Entries are kept in
 * path order, so parents come before children and every build lists them the same way.
 */
public final class RootTree {
    private final RootLayout layout;
    private final String objtype;
    private final TreeMap<String, RootEntry> entries = new TreeMap<>();

    public RootTree(RootLayout layout, String objtype) {
        this.layout = layout;
        this.objtype = objtype;
    }

    /** Tree files (minus the layout's skips), then its overlays laid over them. */
    public RootTree addTree(Path tree) {
        addDir(tree, "", true);
        for (Map.Entry<String, String> o : layout.overlays().entrySet()) {
            Path from = tree.resolve(o.getKey());
            if (Files.isDirectory(from)) addDir(from, o.getValue(), false);
        }
        return this;
    }

    /** A built userland (ants userland's output), its manifest left out. */
    public RootTree addUserland(Path dir) {
        addDir(dir, "", false);
        entries.remove("userland.json");
        return this;
    }

    /** One host file at {@code path} (e.g. the kernel at amd64/9pc64). */
    public RootTree addFile(String path, Path source) {
        put(path, source, null);
        return this;
    }

    /** One file held in memory (e.g. a boot loader at 386/pbs). */
    public RootTree addContent(String path, byte[] content) {
        put(path, null, content);
        return this;
    }

    /** The layout's directories and installer files. */
    public RootTree addLayout() {
        for (String d : layout.dirs()) putDir(d.replace("$objtype", objtype));
        for (Map.Entry<String, String> f : layout.files().entrySet()) {
            put(f.getKey(), null, f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** The entries in path order. */
    public List<RootEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * How many names {@code ls /bin} shows once glenda's profile has run: /bin is a union of
     * /$objtype/bin, /rc/bin and glenda's bin/rc and bin/$objtype, and ls lists each member's names.
     */
    public int binCount() {
        int n = 0;
        for (String d : List.of(objtype + "/bin", "rc/bin", "usr/glenda/bin/rc", "usr/glenda/bin/" + objtype)) {
            String prefix = d + "/";
            n += (int) entries.keySet().stream()
                    .filter(p -> p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0).count();
        }
        return n;
    }

    private void addDir(Path base, String under, boolean applySkips) {
        try (Stream<Path> s = Files.walk(base)) {
            for (Path p : s.sorted().toList()) {
                String rel = base.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) continue;
                if (applySkips && layout.skipped(rel)) continue;
                String path = under.isEmpty() ? rel : under + "/" + rel;
                if (Files.isDirectory(p)) putDir(path);
                else if (Files.isRegularFile(p)) put(path, p, null);
                // sockets, dangling links: nothing a Plan 9 root can hold
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + base, e);
        }
    }

    private void putDir(String path) {
        check(path);
        RootEntry old = entries.get(path);
        if (old != null && old.dir()) return;
        parents(path);
        String[] o = layout.owner(path);
        entries.put(path, new RootEntry(path, true, layout.mode(path, true, false), o[0], o[1], null, null, 0));
    }

    private void put(String path, Path source, byte[] content) {
        check(path);
        parents(path);
        RootEntry old = entries.get(path);
        if (old != null && old.dir()) {
            throw AntsException.badInput(path + " is a directory in the root and a file in " + source,
                    "remove one of them from the inputs");
        }
        boolean exec = source != null && Files.isExecutable(source);
        long length;
        try {
            length = source != null ? Files.size(source) : content.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] o = layout.owner(path);
        entries.put(path, new RootEntry(path, false, layout.mode(path, false, exec), o[0], o[1], source, content, length));
    }

    private void parents(String path) {
        int i = path.lastIndexOf('/');
        if (i > 0) putDir(path.substring(0, i));
    }

    /** Plan 9 names: no control characters, no empty or dot components. */
    private static void check(String path) {
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".") || c.equals("..") || c.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw AntsException.badInput("'" + path + "' cannot be a path in a Plan 9 root", "rename the file in the inputs");
            }
        }
    }
}
