package dev.ants.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A console over a pair of blocking streams (a TCP socket, a process's stdin and stdout): reads and
 * writes go straight through, each write flushed so keystrokes are not held back in a buffer.
 */
public abstract class StreamConsole implements Console {
    private final InputStream in;
    private final OutputStream out;

    protected StreamConsole(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int read(byte[] buf) throws IOException {
        return in.read(buf);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
        out.flush();
    }
}
