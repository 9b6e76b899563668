package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.disk.MasterBootRecord;

import java.nio.file.Path;

/** Sector 0: 9front's mbr code and the one active Plan 9 partition. Returns the sector written. */
public final class WriteMbrStep implements Step<byte[]> {
    private final Path image;
    private final DiskLayout layout;
    private final byte[] code;
    private final int signature;

    public WriteMbrStep(Path image, DiskLayout layout, byte[] code) {
        this(image, layout, code, 0);
    }

    /** @param signature the disk signature (0: none); the builder derives it from its inputs */
    public WriteMbrStep(Path image, DiskLayout layout, byte[] code, int signature) {
        this.image = image;
        this.layout = layout;
        this.code = code.clone();
        this.signature = signature;
    }

    @Override
    public String description() {
        return "write master boot record";
    }

    @Override
    public byte[] run(Progress progress) throws Exception {
        byte[] sector = MasterBootRecord.sector(code, signature, layout.partitionEntry());
        SectorWriter.write(image, 0, sector);
        return sector;
    }
}
