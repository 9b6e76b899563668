package dev.ants.image.root;

import dev.ants.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an image's root contains besides the tree and the userland, as data ({@code root-layout.yaml}):
 * skipped tree paths, the release recipe's overlays, the empty directories, owners and modes by
 * path, and the files the installer writes.
 */
public record RootLayout(List<String> skip, Map<String, String> overlays, List<String> dirs,
                         Map<String, String> owners, Modes modes, Map<String, String> files) {
    static final String RESOURCE = "root-layout.yaml";

    /** Octal permission bits for directories, files and executables, and exceptions by exact path. */
    public record Modes(String dir, String file, String exec, Map<String, String> exceptions) {
    }

    public static RootLayout load() {
        try (InputStream in = RootLayout.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the ants jar");
            return Json.YAML.readValue(in, RootLayout.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    boolean skipped(String path) {
        for (String s : skip) if (Pattern.compile(s).matcher(path).find()) return true;
        return false;
    }

    /** "uid gid" for a path: the longest matching prefix in {@link #owners}. */
    String[] owner(String path) {
        String best = owners.get("");
        int len = -1;
        for (Map.Entry<String, String> e : owners.entrySet()) {
            String p = e.getKey();
            boolean match = p.isEmpty() || path.equals(p) || path.startsWith(p + "/");
            if (match && p.length() > len) {
                best = e.getValue();
                len = p.length();
            }
        }
        return best.trim().split("\\s+");
    }

    int mode(String path, boolean dir, boolean exec) {
        String m = modes.exceptions() == null ? null : modes.exceptions().get(path);
        if (m == null) m = dir ? modes.dir() : exec ? modes.exec() : modes.file();
        return Integer.parseInt(m, 8);
    }
}
