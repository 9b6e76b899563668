package dev.ants.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Sha256Test {
    @Test
    void knownVector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc"));
    }

    /** Slicing is an implementation detail: the digest is that of the whole input, at any offset and length. */
    @Test
    void slicedUpdateIsTheWholeUpdate() {
        byte[] b = new byte[3 * Sha256.SLICE + 12345];
        new Random(7).nextBytes(b);
        MessageDigest whole = Sha256.digest();
        whole.update(b, 17, b.length - 40);
        MessageDigest sliced = Sha256.digest();
        Sha256.update(sliced, b, 17, b.length - 40);
        assertEquals(Sha256.hex(whole.digest()), Sha256.hex(sliced.digest()));
    }

    /** A sparse file with data past its first MiB hashes as its bytes do, holes as zeros. */
    @Test
    void sparseFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sparse.img");
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(5L << 20);
            r.seek((3L << 20) - 10);
            r.write(data);
        }
        assertEquals(Sha256.of(Files.readAllBytes(f)), Sha256.of(f));
        assertEquals(5L << 20, Files.size(f));
    }

    /**
     * A file large enough for the O_DIRECT path, whose length is not a whole number of blocks and whose
     * data sits in a hole's middle and at its very end: the same digest as a plain stream of its bytes.
     */
    @Test
    void largeSparseFileWithAnOddTail(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("large.img");
        long size = Sha256.DIRECT_FROM + (16L << 20) + 3;
        byte[] data = new byte[70_000];
        new Random(5).nextBytes(data);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(size);
            r.seek(Sha256.DIRECT_FROM / 2 + 1);
            r.write(data);
            r.seek(size - 5000);
            r.write(data, 0, 5000);
        }
        String streamed;
        try (java.io.InputStream in = Files.newInputStream(f)) {
            streamed = Sha256.of(in);
        }
        assertEquals(streamed, Sha256.of(f));
    }
}
