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
    private final long epoch;
    private final int volumeId;
    private final long partitionLba;
    private final long sectors;

    /** {@code files}: 8.3 name → content, besides 9bootfat (e.g. plan9.ini and 9pc64). */
    public WriteNineFatStep(Path image, BootLoaders loaders, Map<String, byte[]> files) {
        this(image, loaders, files, dev.ants.core.repro.SourceDateEpoch.FALLBACK, 0x414e5453);
    }

    /** @param epoch the time every entry carries; @param volumeId the volume serial */
    public WriteNineFatStep(Path image, BootLoaders loaders, Map<String, byte[]> files, long epoch, int volumeId) {
        this(image, loaders, files, epoch, volumeId, DiskLayout.PARTITION_LBA, DiskLayout.NINEFAT_SECTORS);
    }

    /** A 9fat of {@code sectors} at a Plan 9 partition starting at {@code partitionLba} (a --base disk's). */
    public WriteNineFatStep(Path image, BootLoaders loaders, Map<String, byte[]> files, long epoch, int volumeId,
                            long partitionLba, long sectors) {
        this.partitionLba = partitionLba;
        this.sectors = sectors;
        this.image = image;
        this.loaders = loaders;
        this.files = files;
        this.epoch = epoch;
        this.volumeId = volumeId;
    }

    @Override
    public String description() {
        return "write 9fat";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        FatVolume fat = new FatVolume(sectors)
                .reservedSectors(2)
                .maxClusterSectors(8)
                .hiddenSectors(partitionLba)
                .bootCode(loaders.pbs())
                .label("PLAN9")
                .volumeId(volumeId)
                .timestamp(java.time.LocalDateTime.ofEpochSecond(Math.max(epoch, 315_532_800L), 0, java.time.ZoneOffset.UTC))
                .addFile("9bootfat", loaders.nineBootFat());
        files.forEach(fat::addFile);
        fat.writeTo(image, partitionLba * DiskLayout.SECTOR);
        return null;
    }
}
