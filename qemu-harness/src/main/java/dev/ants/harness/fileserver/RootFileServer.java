package dev.ants.harness.fileserver;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only 9P2000 file server for a host directory, on a loopback port: what a guest mounts as a
 * network root ({@code bootargs=tcp}). QEMU's user network forwards the guest's connections to
 * {@link #GUEST_ADDRESS}, port 564, here ({@link #guestForward}). Closing it is the root file server
 * dying: every connection is cut.
 */
public final class RootFileServer implements AutoCloseable {
    /** Where the guest finds the server: an address of QEMU's user network that nothing else uses. */
    public static final String GUEST_ADDRESS = "10.0.2.100";

    private final Path root;
    private final ServerSocket listener;
    private final List<Socket> clients = new ArrayList<>();

    private RootFileServer(Path root, ServerSocket listener) {
        this.root = root;
        this.listener = listener;
    }

    /** Serves {@code dir} on a free loopback port, until closed. */
    public static RootFileServer serve(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw AntsException.badInput("the file server's root " + dir + " is not a directory", "name a directory to serve");
        }
        try {
            Path root = dir.toRealPath();
            RootFileServer s = new RootFileServer(root, new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
            Thread t = new Thread(s::accept, "ants-9p " + root.getFileName());
            t.setDaemon(true);
            t.start();
            return s;
        } catch (IOException e) {
            throw AntsException.environment("cannot start a file server for " + dir + ": " + e.getMessage(), "check the directory and the loopback network");
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Path root() {
        return root;
    }

    /**
     * QEMU's {@code guestfwd} for the user network: the guest's connection to 10.0.2.100!564 reaches this
     * server. QEMU connects once, when it starts, so the guest has one connection (9front's {@code srv}
     * makes one, and every mount of the root shares it).
     */
    public String guestForward() {
        return "tcp:" + GUEST_ADDRESS + ":564-tcp:127.0.0.1:" + port();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket c = listener.accept();
                synchronized (clients) {
                    clients.add(c);
                }
                Thread t = new Thread(new NinePSession(root, c), "ants-9p session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listener cannot lose anything
        }
        synchronized (clients) {
            for (Socket c : clients) {
                try {
                    c.close();
                } catch (IOException e) {
                    // already gone
                }
            }
            clients.clear();
        }
    }
}
