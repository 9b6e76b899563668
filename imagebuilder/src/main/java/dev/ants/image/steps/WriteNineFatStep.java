package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.BootLoaders;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.fat.FatVolume;

import java.nio.file.Path;
import java.util.Map;

/**
 * The 9fat at the partition's start: FAT16 with pbs as boot code, 2 reserved sectors (the second is
 * the prep table), hidden sectors = the partition's LBA (pbs finds the FAT through it), and the files
 * 9bootfat, plan9.ini and the kernel, each contiguous as pbs and 9bootfat need.
 */
public final class WriteNineFatStep implements Step<Void> {
    private final Path image;
    private final BootLoaders loaders;
    private final Map<String, byte[]> files;

    /** {@code files}: 8.3 name → content, besides 9bootfat (e.g. plan9.ini and 9pc64). */
    public WriteNineFatStep(Path image, BootLoaders loaders, Map<String, byte[]> files) {
        this.image = image;
        this.loaders = loaders;
        this.files = files;
    }

    @Override
    public String description() {
        return "write 9fat";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        FatVolume fat = new FatVolume(DiskLayout.NINEFAT_SECTORS)
                .reservedSectors(2)
                .hiddenSectors(DiskLayout.PARTITION_LBA)
                .bootCode(loaders.pbs())
                .label("PLAN9")
                .addFile("9bootfat", loaders.nineBootFat());
        files.forEach(fat::addFile);
        fat.writeTo(image, DiskLayout.PARTITION_LBA * DiskLayout.SECTOR);
        return null;
    }
}
