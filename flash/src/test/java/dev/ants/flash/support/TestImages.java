package dev.ants.flash.support;

import dev.ants.flash.Span;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Sparse raw images with random data at chosen places, and compressed or qcow2 copies of them. */
public final class TestImages {
    private TestImages() {
    }

    /** A sparse raw image: holes everywhere except the given spans, which hold random bytes. */
    public static Path raw(Path file, long size, List<Span> data) throws IOException {
        Random r = new Random(size ^ data.size());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            for (Span s : data) {
                byte[] b = new byte[(int) s.length()];
                r.nextBytes(b);
                raf.seek(s.offset());
                raf.write(b);
            }
        }
        return file;
    }

    public static Path compress(Path raw, String ext) throws IOException {
        Path out = raw.resolveSibling(raw.getFileName() + "." + ext);
        try (OutputStream o = wrap(Files.newOutputStream(out), ext); InputStream in = Files.newInputStream(raw)) {
            in.transferTo(o);
        }
        return out;
    }

    private static OutputStream wrap(OutputStream o, String ext) throws IOException {
        return switch (ext) {
            case "gz" -> new GzipCompressorOutputStream(o);
            case "xz" -> new XZCompressorOutputStream(o, 1);
            case "zst" -> new ZstdCompressorOutputStream(o);
            default -> throw new IllegalArgumentException(ext);
        };
    }

    /** A qcow2 copy made by qemu-img ({@code compressed}: with -c, so its clusters have no plain offsets). */
    public static Path qcow2(Path raw, boolean compressed) {
        Path out = raw.resolveSibling(raw.getFileName() + (compressed ? ".c.qcow2" : ".qcow2"));
        if (compressed) {
            Host.run("qemu-img", "convert", "-c", "-f", "raw", "-O", "qcow2", raw.toString(), out.toString());
        } else {
            Host.run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", raw.toString(), out.toString());
        }
        return out;
    }

    /** The image's bytes [offset, offset+n). */
    public static byte[] read(Path raw, long offset, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(raw.toFile(), "r")) {
            byte[] b = new byte[n];
            raf.seek(offset);
            raf.readFully(b);
            return b;
        }
    }
}
