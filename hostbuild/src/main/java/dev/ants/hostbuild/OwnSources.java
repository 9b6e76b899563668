package dev.ants.hostbuild;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our C compatibility layer and helper scripts (hostbuild/src/main/c), read from the classpath.
 * The index file {@code FILES} names them because a jar's directories cannot be listed.
 */
final class OwnSources {
    private static final String BASE = "c/";

    private final Map<String, byte[]> files;

    private OwnSources(Map<String, byte[]> files) {
        this.files = files;
    }

    static OwnSources load() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String name : new String(read("FILES"), StandardCharsets.UTF_8).split("\n")) {
            if (!name.isBlank()) m.put(name.trim(), read(name.trim()));
        }
        return new OwnSources(m);
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = OwnSources.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IOException("ants jar lacks its C source " + name);
            return in.readAllBytes();
        }
    }

    Map<String, byte[]> files() {
        return files;
    }

    /** Writes every file under {@code dir}, keeping the executable bit for scripts. */
    void extractTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
            if (e.getKey().startsWith("support/")) p.toFile().setExecutable(true);
        }
    }
}
