package dev.ants.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.time.Duration;
import dev.ants.core.host.HostProcess;

/** Hex sha256 of bytes or of a (possibly large, sparse) file. */
public final class Sha256 {
    private Sha256() {
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(digest().digest(b));
    }

    /**
     * Prefers openssl: a 2 GiB image hashes in ~1.3 s with SHA-NI, while the JVM's SHA-256 intrinsic is
     * missing under the launcher's C1-only JIT (-XX:TieredStopAtLevel=1) and takes ~12 s.
     */
    public static String of(Path file) throws IOException {
        String viaOpenssl = openssl(file);
        return viaOpenssl != null ? viaOpenssl : java(file);
    }

    static String openssl(Path file) throws IOException {
        HostProcess.Result r;
        try {
            r = HostProcess.run(List.of("openssl", "dgst", "-sha256", "-r", file.toString()), Duration.ofMinutes(30));
        } catch (IOException e) {
            return null; // not installed: hash in the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("hashing " + file);
        }
        String first = r.output().trim().split("\\s+")[0];
        return r.ok() && first.matches("[0-9a-f]{64}") ? first : null;
    }

    static String java(Path file) throws IOException {
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
