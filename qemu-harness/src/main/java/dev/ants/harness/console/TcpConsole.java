package dev.ants.harness.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A serial console exported over raw TCP (ser2net "raw" mode, terminal servers, a lab's console port). */
public final class TcpConsole implements Console {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String where;

    public TcpConsole(String host, int port, int connectTimeoutMillis) throws IOException {
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.where = "tcp:" + host + ":" + port;
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

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
