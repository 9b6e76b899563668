package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * With SOURCE_DATE_EPOCH set, the two tools whose output embeds the build's date get wrappers in
 * the namespace's /bin: {@code date} (the kernel's kerndate comes from {@code date -n}) prints that
 * date, and {@code mkpaqfs} (the kernel's boot paq records its files' times and its own) dates the
 * directory it packs and runs with the layer's clock pinned (ANTS_FIXED_TIME, read by lib9/host.c).
 */
final class ReproducibleTools {
    private ReproducibleTools() {
    }

    static void install(Path bin, Map<String, String> links) throws IOException {
        String date = links.get("date");
        if (date != null) {
            script(bin.resolve("date"), "exec " + date + " \"$@\" \"$SOURCE_DATE_EPOCH\"\n");
        }
        String paq = links.get("mkpaqfs");
        if (paq != null) {
            script(bin.resolve("mkpaqfs"), """
                    for a; do last=$a; done
                    find "$last" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
                    ANTS_FIXED_TIME=$SOURCE_DATE_EPOCH exec %s "$@"
                    """.formatted(paq));
        }
    }

    private static void script(Path f, String body) throws IOException {
        Files.deleteIfExists(f);
        Files.writeString(f, "#!/bin/sh\n# ants: reproducible build date (SOURCE_DATE_EPOCH)\n" + body);
        f.toFile().setExecutable(true, false);
    }
}
