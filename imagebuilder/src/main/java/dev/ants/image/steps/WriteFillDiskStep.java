package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.fat.FatVolume;
import dev.ants.image.root.RootArchive;
import dev.ants.image.root.RootEntry;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The disk the guest fills the root from: a FAT volume of tools at its start (mkext, which the boot
 * namespace lacks, the fill script, the pinned clock and the fs's configuration files), then the root
 * archive from sector {@link #ARCHIVE_LBA}. The guest names the two regions with {@code part} lines.
 */
public final class WriteFillDiskStep implements Step<WriteFillDiskStep.Result> {
    /** 8 MiB of tools; the archive starts right after. */
    public static final long ARCHIVE_LBA = 16384;

    /** The archive's summary and its last sector (exclusive), for the guest's part line. */
    public record Result(RootArchive.Summary archive, long endLba) {
    }

    private final Path disk;
    private final Map<String, byte[]> tools;
    private final List<RootEntry> entries;
    private final long epoch;

    /** @param tools 8.3 name → content (mkext, fill.rc, bintime, ...) */
    public WriteFillDiskStep(Path disk, Map<String, byte[]> tools, List<RootEntry> entries, long epoch) {
        this.disk = disk;
        this.tools = tools;
        this.entries = entries;
        this.epoch = epoch;
    }

    /** 8 bytes, big-endian nanoseconds: what /dev/bintime gives nsec(). */
    public static byte[] bintime(long epochSeconds) {
        return ByteBuffer.allocate(8).putLong(epochSeconds * 1_000_000_000L).array();
    }

    @Override
    public String description() {
        return "write root archive disk";
    }

    @Override
    public Result run(Progress progress) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(ARCHIVE_LBA * 512);
        }
        FatVolume fat = new FatVolume(ARCHIVE_LBA).label("ANTSFILL");
        tools.forEach(fat::addFile);
        fat.writeTo(disk, 0);
        RootArchive.Summary s;
        try (FileChannel ch = FileChannel.open(disk, StandardOpenOption.WRITE)) {
            ch.position(ARCHIVE_LBA * 512);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            s = RootArchive.write(entries, epoch, out);
            out.flush();
            long end = ARCHIVE_LBA * 512 + s.bytes();
            long padded = (end + 511) / 512 * 512;
            ch.truncate(padded);
            if (ch.size() < padded) ch.write(ByteBuffer.allocate((int) (padded - ch.size())), ch.size());
            return new Result(s, padded / 512);
        }
    }
}
