package dev.ants.flash.device;

import dev.ants.core.Sha256;
import com.sun.nio.file.ExtendedOpenOption;
import dev.ants.flash.Span;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A device on this host, written and read by the JVM itself: positional writes, fsync, and read-back
 * with O_DIRECT so verification sees the medium, not the page cache. No process per run or per piece;
 * only the probe and the kernel zeroing (blkdiscard) go through sh, exactly as on a remote host.
 */
public final class LocalDevice implements Device {
    /** O_DIRECT wants offsets, lengths and buffers aligned to the logical block size; 4096 covers 512 too. */
    private static final int ALIGN = 4096;
    private static final int BUF = 1 << 20;

    private final Path path;
    private final ShellDevice viaShell;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUF + ALIGN).alignedSlice(ALIGN);
    private FileChannel out;
    private volatile boolean closed;
    private boolean blockDevice;

    public LocalDevice(String path) {
        this.path = Path.of(path);
        this.viaShell = new ShellDevice(new LocalShell(), path, false);
    }

    @Override
    public String where() {
        return "";
    }

    @Override
    public String compression() {
        return "";
    }

    @Override
    public HostFacts probe() throws IOException, InterruptedException {
        HostFacts f = viaShell.probe();
        blockDevice = f.lsLine() != null && f.lsLine().startsWith("b");
        return f;
    }

    @Override
    public void zeroInKernel(List<Span> spans, int logicalBlock) throws IOException, InterruptedException {
        viaShell.zeroInKernel(spans, logicalBlock);
    }

    @Override
    public List<Span> nonZero(List<Span> spans) throws IOException {
        List<Span> dirty = new ArrayList<>();
        byte[] chunk = new byte[BUF];
        byte[] zero = new byte[BUF];
        for (Span s : spans) {
            for (long at = s.offset(); at < s.end(); at += ShellDevice.CHECK_CHUNK) {
                Span c = new Span(at, Math.min(ShellDevice.CHECK_CHUNK, s.end() - at));
                boolean[] clean = {true};
                read(c, (b, off, n) -> {
                    b.get(chunk, 0, n);
                    if (clean[0] && java.util.Arrays.mismatch(chunk, 0, n, zero, 0, n) != -1) clean[0] = false;
                });
                if (!clean[0]) dirty.add(c);
            }
        }
        return dirty;
    }

    @Override
    public void writeZeros(List<Span> spans) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(BUF);
        for (Span s : spans) {
            for (long at = s.offset(); at < s.end(); ) {
                zeros.clear().limit((int) Math.min(BUF, s.end() - at));
                while (zeros.hasRemaining()) at += out().write(zeros, at);
            }
        }
    }

    @Override
    public Shell.Result write(Span run, Shell.Feeder feeder) throws IOException {
        FileChannel ch = out();
        long[] at = {run.offset()};
        try {
            feeder.feed(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    ByteBuffer bb = ByteBuffer.wrap(b, off, len);
                    while (bb.hasRemaining()) at[0] += ch.write(bb, at[0]);
                }
            });
        } catch (IOException e) {
            if (closed) throw e;
            return new Shell.Result(1, "", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return new Shell.Result(0, "", "");
    }

    @Override
    public void sync() throws IOException {
        if (out != null) out.force(true);
    }

    @Override
    public List<String> hashes(List<Span> spans) throws IOException {
        List<String> out = new ArrayList<>();
        for (Span s : spans) {
            MessageDigest md = Sha256.digest();
            read(s, (b, off, n) -> md.update(b));
            out.add(HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        viaShell.close();
        try {
            if (out != null) out.close();
        } catch (IOException ignored) {
            // closing is how a cancel stops a write in progress
        }
    }

    private synchronized FileChannel out() throws IOException {
        if (closed) throw new IOException("cancelled");
        if (out == null) out = FileChannel.open(path, StandardOpenOption.WRITE);
        return out;
    }

    /** Receives the bytes of a span as read: a buffer positioned on them, their offset, their count. */
    private interface Reader {
        void accept(ByteBuffer b, long offset, int n) throws IOException;
    }

    /** Reads a span; on a block device with O_DIRECT, through the aligned superset of the span. */
    private void read(Span s, Reader r) throws IOException {
        if (closed) throw new IOException("cancelled");
        try (FileChannel ch = blockDevice ? FileChannel.open(path, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)
                : FileChannel.open(path, StandardOpenOption.READ)) {
            long pos = s.offset() / ALIGN * ALIGN;
            long end = (s.end() + ALIGN - 1) / ALIGN * ALIGN;
            while (pos < s.end()) {
                buf.clear().limit((int) Math.min(BUF, end - pos));
                int n = ch.read(buf, pos);
                if (n <= 0) throw new IOException("reading " + path + " at " + pos + ": unexpected end");
                long from = Math.max(pos, s.offset());
                long to = Math.min(pos + n, s.end());
                buf.limit((int) (to - pos)).position((int) (from - pos));
                r.accept(buf, from, (int) (to - from));
                pos += n;
            }
        }
    }
}
