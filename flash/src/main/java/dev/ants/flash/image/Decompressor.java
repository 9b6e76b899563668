package dev.ants.flash.image;

import dev.ants.core.AntsException;
import dev.ants.flash.Span;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decompresses an image once into a sparse file: blocks of zeros are skipped (left as holes), so the
 * temporary file costs only the image's data, and the spans written are the image's allocation map.
 */
final class Decompressor {
    private static final int BLOCK = 1 << 20;

    private Decompressor() {
    }

    static List<Span> spool(Path input, ImageOpener.Magic m, Path out) throws IOException {
        List<Span> data = new ArrayList<>();
        byte[] buf = new byte[BLOCK];
        byte[] zero = new byte[BLOCK];
        long at = 0;
        try (InputStream in = open(input, m);
             RandomAccessFile raf = new RandomAccessFile(out.toFile(), "rw")) {
            FileChannel ch = raf.getChannel();
            raf.setLength(0);
            for (int n; (n = in.readNBytes(buf, 0, BLOCK)) > 0; at += n) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("decompressing " + input);
                if (Arrays.mismatch(buf, 0, n, zero, 0, n) == -1) continue;
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                for (long p = at; bb.hasRemaining(); ) p += ch.write(bb, p);
                Span last = data.isEmpty() ? null : data.get(data.size() - 1);
                if (last != null && last.end() == at) {
                    data.set(data.size() - 1, new Span(last.offset(), last.length() + n));
                } else {
                    data.add(new Span(at, n));
                }
            }
            // the trailing zeros are a hole too: set the length without writing them
            raf.setLength(at);
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) throw e;
            if (isSpaceProblem(e)) {
                throw AntsException.environment("no space for the decompressed data of " + input + " in "
                        + out.getParent() + " (" + e.getMessage() + ")", "free space there or set TMPDIR via -Djava.io.tmpdir");
            }
            throw AntsException.badInput(input + " is not a complete ." + m.id + " stream (" + e.getMessage() + ")",
                    "check the download; e.g. " + tester(m) + " " + input);
        }
        return data;
    }

    private static boolean isSpaceProblem(IOException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("No space left") || msg.contains("Disk quota");
    }

    private static String tester(ImageOpener.Magic m) {
        return switch (m) {
            case GZ -> "gzip -t";
            case XZ -> "xz -t";
            default -> "zstd -t";
        };
    }

    private static InputStream open(Path input, ImageOpener.Magic m) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
        return switch (m) {
            case GZ -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
            case XZ -> new XZCompressorInputStream(raw, true);
            case ZST -> new ZstdCompressorInputStream(raw);
            default -> throw new IllegalArgumentException(m.id);
        };
    }
}
