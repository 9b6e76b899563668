package dev.ants.harness.expect;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The console output as a file, each line prefixed with the seconds since the session began. */
final class Transcript implements Closeable {
    private final BufferedWriter out;
    private final long startNanos;
    private boolean atLineStart = true;

    Transcript(Path file, long startNanos) throws IOException {
        this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.startNanos = startNanos;
    }

    void write(CharSequence text, long nowNanos) throws IOException {
        if (out == null) return;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (atLineStart) {
                out.write(String.format("[%9.3f] ", (nowNanos - startNanos) / 1e9));
                atLineStart = false;
            }
            if (c == '\r') continue;
            out.write(c);
            if (c == '\n') atLineStart = true;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
    }
}
