package dev.ants.image.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.Compression;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Compresses the finished image for publishing, through Commons Compress: gzip with no name and a zero
 * time in its header, xz (preset 6) and zstd (level 9, one thread), so the same image always gives the
 * same bytes. Streams with a fixed buffer: a sparse 4 GiB image costs no heap.
 */
public final class CompressImageStep implements Step<Path> {
    private final Path image;
    private final Path out;
    private final Compression method;

    public CompressImageStep(Path image, Path out, Compression method) {
        this.image = image;
        this.out = out;
        this.method = method;
    }

    @Override
    public String description() {
        return "compress (" + method.id() + ")";
    }

    @Override
    public Path run(Progress progress) throws IOException {
        long total = Files.size(image);
        progress.total(Math.max(1, total >> 20));
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(image);
             OutputStream o = open(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            long done = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                o.write(buf, 0, n);
                done += n;
                progress.advance(done >> 20, null);
            }
        }
        return out;
    }

    private OutputStream open(OutputStream raw) throws IOException {
        return switch (method) {
            case GZ -> {
                GzipParameters p = new GzipParameters();
                p.setCompressionLevel(Deflater.BEST_COMPRESSION);
                p.setModificationTime(0);
                yield new GzipCompressorOutputStream(raw, p);
            }
            case XZ -> new XZCompressorOutputStream(raw, 6);
            case ZST -> new ZstdCompressorOutputStream(raw, 9);
            case NONE -> throw new IllegalStateException("nothing to compress with");
        };
    }
}
