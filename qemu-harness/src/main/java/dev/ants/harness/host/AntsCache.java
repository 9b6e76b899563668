package dev.ants.harness.host;

import java.nio.file.Path;

/** The harness's corner of the ants cache: {@code ${XDG_CACHE_HOME:-~/.cache}/ants}. */
public final class AntsCache {
    private AntsCache() {
    }

    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ants");
    }
}
