package dev.ants.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex sha256 of bytes or of a (possibly large, sparse) file. */
public final class Sha256 {
    private Sha256() {
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }

    /** Streams the file through the JVM's SHA-256 (an intrinsic under the default JIT: ~0.6 s per GiB here). */
    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
                if (Thread.interrupted()) throw new java.io.InterruptedIOException("hashing " + file);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
