package dev.ants.image;

import dev.ants.core.AntsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one disk image is made of.
 *
 * @param arch       "amd64" or "386", recorded in the manifest
 * @param kernel     the kernel file (9pc64 or 9pc); its file name is the 9fat name and the bootfile
 * @param loaders    mbr, pbs, 9bootfat
 * @param sizeBytes  the disk's size (the file is sparse)
 * @param settings   extra plan9.ini lines, KEY=VALUE
 * @param models     per-model hints for the manifest
 */
public record DiskImageSpec(String arch, Path kernel, BootLoaders loaders, long sizeBytes, ImageFormat format,
                            List<String> settings, List<ModelHint> models) {
    public DiskImageSpec {
        settings = List.copyOf(settings);
        models = List.copyOf(models);
        if (!Files.isRegularFile(kernel)) {
            throw AntsException.badInput("kernel " + kernel + " is not a file", "build it first: ants kernel -o DIR");
        }
    }

    /** The kernel's name on 9fat, lower-case 8.3 as 9bootfat looks it up. */
    public String kernelName() {
        return kernel.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    }

    public String plan9Ini() {
        return Plan9Ini.text(kernelName(), settings);
    }
}
