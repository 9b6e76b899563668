package dev.ants.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex SHA-256 of bytes, text, streams and (possibly large, sparse) files: the one place ants hashes. */
public final class Sha256 {
    private Sha256() {
    }

    public static String of(byte[] b) {
        return hex(digest().digest(b));
    }

    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams the file through the JVM's SHA-256. The digest is fed in {@link #SLICE}-byte pieces: the
     * compression loop is a C2 intrinsic only once its method is compiled, and a few large updates leave
     * it interpreted for seconds. A large file is read with O_DIRECT where the file system allows: a
     * buffered read of a fresh sparse image fills the page cache with zeros, and under memory pressure
     * that, not the hashing, was most of the 10-17 s a 4 GiB image took (a direct read of its holes
     * costs the kernel a memset).
     */
    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        long size = Files.size(file);
        long done = size >= DIRECT_FROM ? DirectRead.hash(file, size, md) : 0;
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(done);
            while (ch.read(buf) >= 0) {
                update(md, buf.array(), 0, buf.position());
                buf.clear();
                if (Thread.interrupted()) throw new InterruptedIOException("hashing " + file);
            }
        }
        return hex(md.digest());
    }

    /** Files from this size on are read with O_DIRECT (see {@link #of(Path)}). */
    static final long DIRECT_FROM = 64L << 20;

    /** What a piece of a digest's input should be at most: see {@link #of(Path)}. */
    public static final int SLICE = 1 << 16;

    /** {@code md.update(b, off, len)} in {@link #SLICE}-byte pieces, which keeps the intrinsic in use. */
    public static void update(MessageDigest md, byte[] b, int off, int len) {
        for (int end = off + len; off < end; off += SLICE) md.update(b, off, Math.min(SLICE, end - off));
    }

    /** Reads {@code in} to its end. */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        return hex(md.digest());
    }

    /** A fresh digest for callers that feed it piece by piece; finish with {@link #hex}. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
