package dev.ants.flash.image;

import dev.ants.flash.Span;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An image ready to be written: its logical size and where its data lies. {@code segments} map the
 * logical extents that hold data to offsets in {@code file} (the same offsets for a raw file, cluster
 * offsets for a qcow2 file); everything else reads as zeros. A temporary file made from a compressed or
 * converted input is deleted on close.
 */
public final class FlashImage implements AutoCloseable {
    /** A logical extent holding data, stored at {@code fileOffset} in the file. */
    public record Segment(Span logical, long fileOffset) {
    }

    private final Path input;
    private final String format;
    private final Path file;
    private final long size;
    private final List<Segment> segments;
    private final Path temporary;
    private FileChannel channel;

    FlashImage(Path input, String format, Path file, long size, List<Segment> segments, Path temporary) {
        this.input = input;
        this.format = format;
        this.file = file;
        this.size = size;
        this.segments = List.copyOf(segments);
        this.temporary = temporary;
    }

    /** The file the user named. */
    public Path input() {
        return input;
    }

    /** raw, qcow2, and for compressed inputs e.g. "raw.zst" or "qcow2.gz". */
    public String format() {
        return format;
    }

    /** Bytes the image occupies on a device. */
    public long size() {
        return size;
    }

    /** The logical extents that hold data, sorted. */
    public List<Span> data() {
        return segments.stream().map(Segment::logical).toList();
    }

    /** Writes the image's bytes of {@code run} to {@code out}: data from the file, zeros between. */
    public void copy(Span run, OutputStream out, Chunks sink) throws IOException {
        if (channel == null) channel = FileChannel.open(file, StandardOpenOption.READ);
        byte[] buf = new byte[(int) Span.MIB];
        long at = run.offset();
        while (at < run.end()) {
            int n = (int) Math.min(buf.length, run.end() - at);
            fill(at, buf, n);
            out.write(buf, 0, n);
            sink.accept(buf, n);
            at += n;
            if (Thread.currentThread().isInterrupted()) throw new java.io.InterruptedIOException("copying " + input);
        }
    }

    /** Receives each chunk copied (for hashing and progress). */
    public interface Chunks {
        void accept(byte[] b, int n) throws IOException;
    }

    /** Fills buf[0..n) with the image's bytes at logical offset {@code at}. */
    private void fill(long at, byte[] buf, int n) throws IOException {
        java.util.Arrays.fill(buf, 0, n, (byte) 0);
        long end = at + n;
        for (Segment s : segments) {
            Span l = s.logical();
            if (l.end() <= at) continue;
            if (l.offset() >= end) break;
            long from = Math.max(at, l.offset());
            long to = Math.min(end, l.end());
            ByteBuffer bb = ByteBuffer.wrap(buf, (int) (from - at), (int) (to - from));
            long pos = s.fileOffset() + (from - l.offset());
            while (bb.hasRemaining()) {
                int r = channel.read(bb, pos);
                if (r < 0) break; // a raw file shorter than its map: the rest reads as zeros
                pos += r;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) channel.close();
        } finally {
            if (temporary != null) Files.deleteIfExists(temporary);
        }
    }
}
