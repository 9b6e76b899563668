package dev.ants.harness.console;

import java.io.Closeable;
import java.io.IOException;

/**
 * A byte stream to and from a machine's serial console: QEMU's socket, a real UART, or a TCP serial
 * server. {@link #read} and {@link #write} may be called from different threads at the same time.
 */
public interface Console extends Closeable {
    /** Blocks until bytes arrive; returns the count, or -1 when the console is gone for good. */
    int read(byte[] buf) throws IOException;

    void write(byte[] bytes, int off, int len) throws IOException;

    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** For reports: what this console is connected to. */
    String describe();
}
