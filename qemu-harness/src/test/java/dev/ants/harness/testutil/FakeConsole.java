package dev.ants.harness.testutil;

import dev.ants.harness.console.Console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A console the test feeds by hand ({@link #emit}); what the engine sends is collected in {@link #sent()}. */
public final class FakeConsole implements Console {
    private static final byte[] EOF = new byte[0];
    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    /** When set, everything written is echoed back like a terminal would. */
    public volatile boolean echo;
    /** Like 9front's kbdfs: a character arriving this soon after a newline is lost (0: never). */
    public volatile long dropAfterNewlineMillis;
    private long lastNewlineNanos;

    public void emit(String s) {
        queue.add(s.getBytes(StandardCharsets.UTF_8));
    }

    public void emit(byte[] b) {
        queue.add(b);
    }

    public void hangUp() {
        queue.add(EOF);
    }

    @Override
    public int read(byte[] buf) throws IOException {
        try {
            byte[] b = queue.take();
            if (b == EOF) {
                queue.add(EOF);
                return -1;
            }
            System.arraycopy(b, 0, buf, 0, b.length);
            return b.length;
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        for (int i = off; i < off + len; i++) {
            long now = System.nanoTime();
            if (dropAfterNewlineMillis > 0 && lastNewlineNanos != 0 && now - lastNewlineNanos < dropAfterNewlineMillis * 1_000_000) {
                lastNewlineNanos = 0; // only the first character after the newline is lost
                continue;
            }
            if (bytes[i] == '\n') lastNewlineNanos = now;
            kept.write(bytes[i]);
        }
        byte[] k = kept.toByteArray();
        sent.write(k, 0, k.length);
        if (echo && k.length > 0) queue.add(k);
    }

    public synchronized String sent() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
        hangUp();
    }
}
