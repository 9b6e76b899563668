package dev.ants.flash.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real OpenSSH server on 127.0.0.1 for one test class: a throwaway host key, one authorized client key,
 * root login by key only. Closing it stops sshd and every session it started.
 */
public final class SshServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process sshd;

    private SshServer(Path dir, int port, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.sshd = sshd;
    }

    public static SshServer start(Path dir) throws IOException, InterruptedException {
        Host.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ants-test-host", "-f", dir.resolve("host_ed25519").toString());
        Host.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ants-test-client", "-f", dir.resolve("client").toString());
        Host.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ants-test-stranger", "-f", dir.resolve("stranger").toString());
        Files.copy(dir.resolve("client.pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile none",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                "Compression yes",
                "LogLevel ERROR",
                ""));
        // Debian's sshd wants its privilege-separation directory
        Files.createDirectories(Path.of("/run/sshd"));
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        SshServer server = new SshServer(dir, port, p);
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        server.close();
        throw new IllegalStateException("sshd did not listen on " + port);
    }

    public int port() {
        return port;
    }

    public String spec() {
        return System.getProperty("user.name") + "@127.0.0.1:" + port;
    }

    public Path clientKey() {
        return dir.resolve("client");
    }

    public Path strangerKey() {
        return dir.resolve("stranger");
    }

    /** A known_hosts file that trusts this server's host key. */
    public Path knownHosts() throws IOException {
        String pub = Files.readString(dir.resolve("host_ed25519.pub")).trim();
        String[] f = pub.split(" ");
        return Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + f[0] + " " + f[1] + "\n");
    }

    /** A known_hosts file that names another key for this server (as after a reinstall, or an impostor). */
    public Path knownHostsWithOtherKey() throws IOException {
        String[] f = Files.readString(dir.resolve("stranger.pub")).trim().split(" ");
        return Files.writeString(dir.resolve("known_hosts_changed"), "[127.0.0.1]:" + port + " " + f[0] + " " + f[1] + "\n");
    }

    /** The host key's fingerprint as ssh-keygen -l prints it. */
    public String fingerprint() {
        return Host.run("ssh-keygen", "-l", "-f", dir.resolve("host_ed25519.pub").toString()).split(" ")[1];
    }

    /** Kills every session process of this sshd, as a pulled cable or a crashed link would end them. */
    public void cutConnections() {
        sshd.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        sshd.descendants().forEach(ProcessHandle::destroyForcibly);
        sshd.destroyForcibly();
        try {
            sshd.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
