package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.image.Compression;
import dev.ants.image.ImageFormat;
import dev.ants.image.RootFs;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Ants#image} makes: the output file, its format and size, the root file system, the
 * plan9.ini settings on top of the defaults, a compressed copy, and optionally a 9front release image
 * whose root is kept (only its 9fat gets our kernel and plan9.ini).
 *
 * @param userland an {@code ants userland} output to put in the root instead of building it (null: build)
 */
public record ImageRequest(Path output, ImageFormat format, long sizeBytes, RootFs fs, List<String> settings,
                           Compression compression, Path base, Path userland) {
    public ImageRequest {
        settings = settings == null ? List.of() : List.copyOf(settings);
        if (fs == null) fs = RootFs.NONE;
        if (compression == null) compression = Compression.NONE;
        if (output == null) throw AntsException.badInput("no output file given", "pass -o FILE");
        if (base != null && fs != RootFs.NONE) {
            throw AntsException.badInput("--base keeps the base image's root; --fs " + fs.id() + " would make another",
                    "leave out --fs, or leave out --base");
        }
    }

    public ImageRequest(Path output, ImageFormat format, long sizeBytes, RootFs fs, List<String> settings,
                        Compression compression, Path base) {
        this(output, format, sizeBytes, fs, settings, compression, base, null);
    }

    /** A rootless or filled image, uncompressed, without a base. */
    public ImageRequest(Path output, ImageFormat format, long sizeBytes, RootFs fs, List<String> settings) {
        this(output, format, sizeBytes, fs, settings, Compression.NONE, null, null);
    }
}
