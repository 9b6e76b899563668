package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.image.ImageFormat;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Ants#image} makes: the output file, its format and size, the root file system, and the
 * plan9.ini settings on top of the defaults.
 */
public record ImageRequest(Path output, ImageFormat format, long sizeBytes, RootFs fs, List<String> settings) {
    /** The root file system of the image. */
    public enum RootFs {
        /** No root: the fs partition is left empty, the image boots rootless. */
        NONE, HJFS, GEFS, CWFS;

        public static RootFs parse(String s) {
            for (RootFs f : values()) if (f.name().equalsIgnoreCase(s)) return f;
            throw AntsException.badInput("--fs " + s + " is unknown", "use none, hjfs, gefs or cwfs");
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ImageRequest {
        settings = settings == null ? List.of() : List.copyOf(settings);
        if (output == null) throw AntsException.badInput("no output file given", "pass -o FILE");
    }
}
