package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.repro.SourceDateEpoch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one disk image is made of.
 *
 * @param arch        "amd64" or "386", recorded in the manifest
 * @param kernel      the kernel file (9pc64 or 9pc); its file name is the 9fat name and the bootfile
 * @param loaders     mbr, pbs, 9bootfat
 * @param sizeBytes   the disk's size (the file is sparse)
 * @param settings    extra plan9.ini lines, KEY=VALUE
 * @param models      per-model hints for the manifest
 * @param fs          the root file system (NONE: the fs partition stays empty)
 * @param epoch       seconds since 1970 every date in the image carries (FAT times, the fill's clock)
 * @param fatFiles    further 9fat files, e.g. efi/boot/bootx64.efi
 * @param filler      fills the root in the written disk (null with fs NONE)
 * @param root        what the filler unpacks, for the manifest (null with fs NONE)
 * @param compression a compressed copy beside the image
 * @param base        a 9front disk image whose root is kept (only its 9fat is rewritten), or null
 */
public record DiskImageSpec(String arch, Path kernel, BootLoaders loaders, long sizeBytes, ImageFormat format,
                            List<String> settings, List<ModelHint> models, RootFs fs, long epoch,
                            Map<String, byte[]> fatFiles, RootFiller filler, ImageManifest.Root root,
                            Compression compression, Path base) {
    public DiskImageSpec {
        settings = List.copyOf(settings);
        models = List.copyOf(models);
        fatFiles = fatFiles == null ? Map.of() : Map.copyOf(fatFiles);
        if (fs == null) fs = RootFs.NONE;
        if (compression == null) compression = Compression.NONE;
        if (!Files.isRegularFile(kernel)) {
            throw AntsException.badInput("kernel " + kernel + " is not a file", "build it first: ants kernel -o DIR");
        }
        if (fs != RootFs.NONE && filler == null) throw new IllegalArgumentException("a root file system needs a filler");
    }

    /** A rootless image dated {@link SourceDateEpoch#FALLBACK}, uncompressed. */
    public DiskImageSpec(String arch, Path kernel, BootLoaders loaders, long sizeBytes, ImageFormat format,
                         List<String> settings, List<ModelHint> models) {
        this(arch, kernel, loaders, sizeBytes, format, settings, models, RootFs.NONE, SourceDateEpoch.FALLBACK,
                Map.of(), null, null, Compression.NONE, null);
    }

    /** The kernel's name on 9fat, lower-case 8.3 as 9bootfat looks it up. */
    public String kernelName() {
        return kernel.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }

    public String plan9Ini() {
        return Plan9Ini.text(kernelName(), fs, settings);
    }

    /** Fills the root of a written raw disk, on the host or in a guest: the pipeline's part, so the builder needs no harness. */
    @FunctionalInterface
    public interface RootFiller {
        void fill(Path rawDisk, dev.ants.image.disk.DiskLayout layout, dev.ants.core.progress.Progress progress)
                throws Exception;
    }
}
