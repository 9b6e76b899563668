package dev.ants.image.steps;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * Copies a --base image to the raw file the builder then changes: qcow2 through {@code qemu-img
 * convert}, raw block by block, leaving all-zero blocks as holes so the copy stays sparse. The base
 * itself is only read.
 */
public final class CopyBaseImageStep implements Step<Path> {
    private static final byte[] QCOW = {'Q', 'F', 'I', (byte) 0xfb};
    private final Path base;
    private final Path raw;

    public CopyBaseImageStep(Path base, Path raw) {
        this.base = base;
        this.raw = raw;
    }

    @Override
    public String description() {
        return "copy base image " + base.getFileName();
    }

    @Override
    public Path run(Progress progress) throws Exception {
        if (!Files.isRegularFile(base)) throw AntsException.badInput("--base " + base + " is not a file", "check the path");
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(base)) {
            in.readNBytes(head, 0, 4);
        }
        if (java.util.Arrays.equals(head, QCOW)) {
            HostProcess.Result r = HostProcess.run(List.of("qemu-img", "convert", "-f", "qcow2", "-O", "raw",
                    base.toString(), raw.toString()), Duration.ofMinutes(20));
            if (!r.ok()) {
                throw AntsException.badInput("--base " + base + " looks like qcow2 but qemu-img cannot read it: " + r.tail(3),
                        "pass a 9front release image (raw or qcow2)");
            }
            return raw;
        }
        if (isIso(base)) {
            throw AntsException.badInput("--base " + base + " is an ISO 9660 image; a disk image takes a disk with a 9fat",
                    "add --format iso to make an ISO from it, or pass a 9front disk image (raw or qcow2)");
        }
        try (FileChannel in = FileChannel.open(base, StandardOpenOption.READ)) {
            long size = in.size();
            try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
                f.setLength(size);
            }
            try (FileChannel out = FileChannel.open(raw, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.allocate(1 << 20);
                for (long pos = 0; pos < size; pos += b.limit()) {
                    b.clear();
                    while (b.hasRemaining() && in.read(b, pos + b.position()) > 0) {
                        // fill the block
                    }
                    b.flip();
                    if (!zero(b)) out.write(b, pos);
                }
            }
        }
        return raw;
    }

    /** An ISO 9660 volume descriptor at sector 16. */
    public static boolean isIso(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(5);
            return ch.read(b, 0x8001) == 5 && new String(b.array(), java.nio.charset.StandardCharsets.US_ASCII).equals("CD001");
        }
    }

    private static boolean zero(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) if (b.get(i) != 0) return false;
        return true;
    }
}
