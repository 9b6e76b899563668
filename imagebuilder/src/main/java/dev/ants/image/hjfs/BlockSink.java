package dev.ants.image.hjfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Gathers consecutive 4096-byte blocks into large writes: the writer hands them out front to back,
 * and a jump (a block not right after the last) flushes what was gathered first.
 */
final class BlockSink implements AutoCloseable {
    private static final int BATCH = 256;
    private final FileChannel ch;
    private final long offset;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BATCH * HjfsBlocks.BLOCK);
    private long start = -1;
    private long following = -1;

    BlockSink(FileChannel ch, long offset) {
        this.ch = ch;
        this.offset = offset;
    }

    /** Block {@code n}: all 4096 bytes of the buffer's array, wherever its position is. */
    void put(long n, ByteBuffer block) throws IOException {
        if (n != following || !buf.hasRemaining()) {
            flush();
            start = n;
        }
        buf.put(block.array(), 0, HjfsBlocks.BLOCK);
        following = n + 1;
    }

    private void flush() throws IOException {
        buf.flip();
        long pos = offset + start * HjfsBlocks.BLOCK;
        while (buf.hasRemaining()) pos += ch.write(buf, pos);
        buf.clear();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
