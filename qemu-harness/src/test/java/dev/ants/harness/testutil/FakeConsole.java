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
    /** Like kbdfs under load: the bytes at these positions of everything written are lost. */
    public final java.util.Set<Integer> lose = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private int written;
    private final StringBuilder line = new StringBuilder();
    private final java.util.List<String> lines = new java.util.ArrayList<>();

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
            if (lose.contains(written++)) continue;
            if (dropAfterNewlineMillis > 0 && lastNewlineNanos != 0 && now - lastNewlineNanos < dropAfterNewlineMillis * 1_000_000) {
                lastNewlineNanos = 0; // only the first character after the newline is lost
                continue;
            }
            if (bytes[i] == '\n') lastNewlineNanos = now;
            if (bytes[i] == 0x15) { // ^U erases the line, echoing a backspace per character
                kept.write(bytes[i]);
                if (echo) queue.add("\b".repeat(line.length()).getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
                continue;
            }
            if (bytes[i] == '\n') {
                lines.add(line.toString());
                line.setLength(0);
            } else {
                line.append((char) bytes[i]);
            }
            kept.write(bytes[i]);
        }
        byte[] k = kept.toByteArray();
        sent.write(k, 0, k.length);
        if (echo && k.length > 0) queue.add(new String(k, StandardCharsets.UTF_8).replace("\u0015", "").getBytes(StandardCharsets.UTF_8));
    }

    /** The lines a reader in cooked mode got: what arrived, with ^U's erasures applied. */
    public synchronized java.util.List<String> lines() {
        return java.util.List.copyOf(lines);
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
