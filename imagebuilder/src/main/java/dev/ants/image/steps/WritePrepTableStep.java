package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.disk.PrepTable;

import java.nio.file.Path;

/**
 * The prep table in the Plan 9 partition's sector 1, which is also the 9fat's second reserved sector:
 * written after the FAT so nothing overwrites it.
 */
public final class WritePrepTableStep implements Step<PrepTable> {
    private final Path image;
    private final DiskLayout layout;

    public WritePrepTableStep(Path image, DiskLayout layout) {
        this.image = image;
        this.layout = layout;
    }

    @Override
    public String description() {
        return "write prep table";
    }

    @Override
    public PrepTable run(Progress progress) throws Exception {
        PrepTable t = layout.prepTable();
        SectorWriter.write(image, layout.prepTableLba(), t.sector());
        return t;
    }
}
