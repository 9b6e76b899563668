package dev.ants.harness.console;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * QEMU's serial port on a unix-socket chardev. Reads and writes go straight to the channel (not through
 * Channels.newInputStream, whose streams share a lock, so a blocked read would block every write).
 */
public final class UnixSocketConsole implements Console {
    private final SocketChannel channel;
    private final Path path;

    private UnixSocketConsole(SocketChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    /** Waits for QEMU to create the socket, then connects; gives up early when {@code stillStarting} turns false. */
    public static UnixSocketConsole connect(Path socket, Duration timeout, BooleanSupplier stillStarting)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && stillStarting.getAsBoolean()) {
            if (Files.exists(socket)) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    return new UnixSocketConsole(ch, socket);
                } catch (IOException e) {
                    ch.close();
                    last = e;
                }
            }
            Thread.sleep(5);
        }
        throw new IOException("could not connect to the console socket " + socket
                + (last != null ? ": " + last.getMessage() : ""));
    }

    @Override
    public int read(byte[] buf) throws IOException {
        int n = channel.read(ByteBuffer.wrap(buf));
        return n == 0 ? read(buf) : n;
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, off, len);
        while (b.hasRemaining()) channel.write(b);
    }

    @Override
    public String describe() {
        return "unix:" + path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
