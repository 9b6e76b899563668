package dev.ants.core;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Feeds a file's whole blocks to a digest through O_DIRECT, bypassing the page cache (see
 * {@link Sha256#of(Path)}). Where the file system refuses O_DIRECT (tmpfs, some overlays) it reads
 * nothing and the caller reads it all the usual way; a refusal midway leaves the caller the rest.
 */
final class DirectRead {
    private static final int CHUNK = 1 << 20;

    private DirectRead() {
    }

    /** Hashes the file's first whole blocks into {@code md}; returns how many bytes that was. */
    static long hash(Path file, long size, MessageDigest md) throws IOException {
        int block;
        FileChannel ch;
        try {
            block = (int) Math.max(512, Files.getFileStore(file).getBlockSize());
            ch = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
        long end = size / block * block;
        long at = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK + block).alignedSlice(block);
        byte[] heap = new byte[CHUNK];
        try (ch) {
            while (at < end) {
                buf.clear().limit((int) Math.min(CHUNK, end - at));
                int n = ch.read(buf, at);
                if (n <= 0 || n % block != 0) break; // the rest, if any, the usual way
                buf.flip().get(heap, 0, n);
                Sha256.update(md, heap, 0, n);
                at += n;
                if (Thread.interrupted()) throw new InterruptedIOException("hashing " + file);
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // O_DIRECT refused at the first read: what was hashed stays hashed
        }
        return at;
    }
}
