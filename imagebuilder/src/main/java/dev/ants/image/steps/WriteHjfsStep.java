package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.disk.DiskLayout;
import dev.ants.image.hjfs.HjfsUsers;
import dev.ants.image.hjfs.HjfsWriter;
import dev.ants.image.root.RootEntry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes the root as an hjfs file system into the disk's fs partition, on the host: no guest pass. */
public final class WriteHjfsStep implements Step<HjfsWriter.Result> {
    private final Path disk;
    private final DiskLayout layout;
    private final List<RootEntry> entries;
    private final HjfsUsers users;
    private final long epoch;

    public WriteHjfsStep(Path disk, DiskLayout layout, List<RootEntry> entries, HjfsUsers users, long epoch) {
        this.disk = disk;
        this.layout = layout;
        this.entries = entries;
        this.users = users;
        this.epoch = epoch;
    }

    @Override
    public String description() {
        return "write " + entries.size() + " files and directories as hjfs";
    }

    @Override
    public HjfsWriter.Result run(Progress progress) throws IOException {
        try (FileChannel ch = FileChannel.open(disk, StandardOpenOption.WRITE)) {
            HjfsWriter.Result r = HjfsWriter.write(ch, layout.lbaOf("fs") * DiskLayout.SECTOR,
                    layout.sectorsOf("fs") * DiskLayout.SECTOR, entries, users, epoch, progress);
            ch.force(false);
            return r;
        }
    }
}
