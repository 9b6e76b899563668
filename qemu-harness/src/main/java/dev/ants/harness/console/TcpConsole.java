package dev.ants.harness.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A serial console exported over raw TCP (ser2net "raw" mode, terminal servers, a lab's console port). */
public final class TcpConsole extends StreamConsole {
    private final Socket socket;
    private final String where;

    public TcpConsole(String host, int port, int connectTimeoutMillis) throws IOException {
        this(connected(host, port, connectTimeoutMillis), "tcp:" + host + ":" + port);
    }

    private TcpConsole(Socket socket, String where) throws IOException {
        super(socket.getInputStream(), socket.getOutputStream());
        this.socket = socket;
        this.where = where;
    }

    private static Socket connected(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
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
