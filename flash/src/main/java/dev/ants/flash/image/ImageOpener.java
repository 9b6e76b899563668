package dev.ants.flash.image;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import dev.ants.flash.Span;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opens an image file of any accepted format and finds where its data lies.
 *
 * <p>The allocation map comes from {@code qemu-img map --output=json}, which uses SEEK_DATA/SEEK_HOLE
 * on a raw file and the cluster tables of a qcow2 file. A qcow2 image is read in place through its
 * map (each data extent's cluster offset): no copy, no conversion pass. Only when the map cannot be
 * followed that way (compressed clusters, a backing file) is it converted with {@code qemu-img convert}
 * to a sparse temporary raw file, which costs the data's size in temporary space, never the image's.
 * A compressed input (.gz, .xz, .zst) is decompressed once into a sparse temporary file, skipping
 * blocks of zeros, so its size is known before the device is touched.
 */
public final class ImageOpener {
    private static final Duration QEMU_IMG = Duration.ofMinutes(10);

    private ImageOpener() {
    }

    public static FlashImage open(Path input) throws IOException, InterruptedException {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw AntsException.badInput("IMAGE " + input + " does not exist or is not a readable file", "check the path");
        }
        Magic m = Magic.of(input);
        if (m.compressed()) {
            Path spooled = Files.createTempFile("ants-flash-", ".img");
            try {
                List<Span> data = Decompressor.spool(input, m, spooled);
                Magic inner = Magic.of(spooled);
                if (inner == Magic.QCOW2) {
                    FlashImage q = qcow2(input, spooled, "qcow2." + m.id, spooled);
                    return q;
                }
                List<FlashImage.Segment> segs = data.stream().map(s -> new FlashImage.Segment(s, s.offset())).toList();
                return new FlashImage(input, "raw." + m.id, spooled, Files.size(spooled), segs, spooled);
            } catch (IOException | RuntimeException | InterruptedException e) {
                Files.deleteIfExists(spooled);
                throw e;
            }
        }
        if (m == Magic.QCOW2) return qcow2(input, input, "qcow2", null);
        return new FlashImage(input, "raw", input, Files.size(input), rawSegments(input), null);
    }

    /** A qcow2 file read through its map, or converted when the map has no plain cluster offsets. */
    private static FlashImage qcow2(Path input, Path file, String format, Path temporary)
            throws IOException, InterruptedException {
        long size = 0;
        List<FlashImage.Segment> segs = new ArrayList<>();
        boolean direct = true;
        for (QemuImgMap.Entry e : map(file, "qcow2").entries()) {
            size = Math.max(size, e.span().end());
            if (!e.data()) {
                // unallocated here but maybe data in a backing file: only the converter knows
                direct &= e.depth() == 0 || e.zero();
            } else if (e.depth() != 0 || e.offset() < 0) {
                direct = false;
            } else {
                segs.add(new FlashImage.Segment(e.span(), e.offset()));
            }
        }
        if (direct) return new FlashImage(input, format, file, size, segs, temporary);
        Path raw = Files.createTempFile("ants-flash-", ".raw");
        try {
            qemuImg(List.of("qemu-img", "convert", "-f", "qcow2", "-O", "raw", file.toString(), raw.toString()), file);
            if (temporary != null) Files.deleteIfExists(temporary);
            return new FlashImage(input, format + " (converted)", raw, Files.size(raw), rawSegments(raw), raw);
        } catch (IOException | RuntimeException | InterruptedException e) {
            Files.deleteIfExists(raw);
            throw e;
        }
    }

    /** A raw file's data extents, at the same offsets in the file. */
    private static List<FlashImage.Segment> rawSegments(Path file) throws IOException, InterruptedException {
        List<FlashImage.Segment> segs = new ArrayList<>();
        for (QemuImgMap.Entry e : map(file, "raw").entries()) {
            if (e.data()) segs.add(new FlashImage.Segment(e.span(), e.span().offset()));
        }
        return segs;
    }

    private static QemuImgMap map(Path file, String format) throws IOException, InterruptedException {
        String out = qemuImg(List.of("qemu-img", "map", "--output=json", "-f", format, file.toString()), file);
        try {
            return QemuImgMap.parse(out);
        } catch (IllegalArgumentException e) {
            throw AntsException.environment("qemu-img map printed no allocation map for " + file + " (" + e.getMessage() + "): "
                    + out.lines().limit(3).reduce("", (a, b) -> a + " " + b).trim(), "check the image with: qemu-img check " + file);
        }
    }

    private static String qemuImg(List<String> cmd, Path file) throws IOException, InterruptedException {
        HostProcess.Result r;
        try {
            r = HostProcess.run(cmd, QEMU_IMG);
        } catch (IOException e) {
            throw AntsException.environment("qemu-img cannot be run (" + e.getMessage() + ")",
                    "install it: apt-get install -y qemu-utils (or run ants doctor --install)");
        }
        if (!r.ok()) {
            throw AntsException.badInput("qemu-img " + cmd.get(1) + " failed on " + file + ": " + r.tail(2).trim(),
                    "check that the file is a complete raw or qcow2 image (qemu-img info " + file + ")");
        }
        return r.output();
    }

    /** What the first bytes of a file say it is. */
    enum Magic {
        RAW("raw", null), QCOW2("qcow2", new byte[] {'Q', 'F', 'I', (byte) 0xfb}),
        GZ("gz", new byte[] {0x1f, (byte) 0x8b}), XZ("xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
        ZST("zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

        final String id;
        final byte[] magic;

        Magic(String id, byte[] magic) {
            this.id = id;
            this.magic = magic;
        }

        boolean compressed() {
            return this == GZ || this == XZ || this == ZST;
        }

        static Magic of(Path f) throws IOException {
            byte[] head;
            try (InputStream in = Files.newInputStream(f)) {
                head = in.readNBytes(8);
            }
            for (Magic m : values()) {
                if (m.magic != null && head.length >= m.magic.length
                        && Arrays.equals(head, 0, m.magic.length, m.magic, 0, m.magic.length)) {
                    return m;
                }
            }
            return RAW;
        }
    }
}
