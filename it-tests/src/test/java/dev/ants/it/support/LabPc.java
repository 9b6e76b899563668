package dev.ants.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a PC in a lab, made of what a lab has: a disk that ants flash writes as a block
 * device (a loop device over a sparse file), power switched by shell commands (they start and kill a
 * QEMU that boots from that disk), and a TCP serial server that stays up while the PC is switched
 * (as ser2net does), relaying to whichever QEMU is running. Needs root (loop devices).
 */
public final class LabPc implements AutoCloseable {
    private final Path dir;
    private final String loop;
    private final ServerSocket server;
    private final Thread relay;
    private volatile boolean closed;
    /** The running QEMU's console, null while the PC is off. */
    private volatile SocketChannel console;

    private LabPc(Path dir, String loop, ServerSocket server) {
        this.dir = dir;
        this.loop = loop;
        this.server = server;
        this.relay = new Thread(this::serve, "lab serial server");
        relay.setDaemon(true);
        relay.start();
    }

    /** A PC with a disk of {@code diskBytes} that held garbage, switched off. */
    public static LabPc create(Path dir, long diskBytes) throws IOException, InterruptedException {
        Path backing = dir.resolve("disk.raw");
        try (var f = new java.io.RandomAccessFile(backing.toFile(), "rw")) {
            f.setLength(diskBytes);
            f.write("garbage from an earlier life ".repeat(1000).getBytes());
        }
        String loop = sh("losetup -f --show " + backing).trim();
        LabPc pc = new LabPc(dir, loop, new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        pc.writeScripts();
        return pc;
    }

    /** The target file ants reads: console, power and disk, and the names 9front gives the PC's devices. */
    public Path targetFile() throws IOException {
        return Files.writeString(dir.resolve("lab-pc.yaml"), String.join("\n",
                "name: lab-pc",
                "description: a PC on a TCP serial server, powered by commands, booting from its disk",
                "disk9: sdC0",
                "nic9: etherigbe",
                "console:",
                "  tcp: 127.0.0.1:" + server.getLocalPort(),
                "power:",
                "  on: " + dir.resolve("on"),
                "  off: " + dir.resolve("off"),
                "  offSeconds: 1",
                "disk:",
                "  device: " + loop,
                ""));
    }

    private void writeScripts() throws IOException {
        String qemu = "qemu-system-x86_64 -nodefaults -display none -machine pc -accel tcg -m 1024"
                + " -drive file=" + loop + ",format=raw,if=ide -netdev user,id=n0 -device e1000,netdev=n0"
                + " -chardev socket,id=s0,path=" + dir.resolve("console.sock") + ",server=on,wait=off -serial chardev:s0"
                + " -daemonize -pidfile " + dir.resolve("qemu.pid");
        script("on", "#!/bin/sh\n" + qemu + "\n");
        script("off", "#!/bin/sh\n[ -f " + dir.resolve("qemu.pid") + " ] && kill $(cat " + dir.resolve("qemu.pid")
                + ") 2>/dev/null; rm -f " + dir.resolve("qemu.pid") + "; sleep 1; exit 0\n");
    }

    private void script(String name, String text) throws IOException {
        Path p = Files.writeString(dir.resolve(name), text);
        p.toFile().setExecutable(true);
    }

    /**
     * One client at a time; its bytes go to the running QEMU's console and back, across power cycles.
     * One reader of the client for its whole connection: bytes typed while the PC is off are lost, as
     * on a real serial line, but never swallowed by the reader of a QEMU that is gone.
     */
    private void serve() {
        while (!closed) {
            try (Socket client = server.accept()) {
                OutputStream toClient = client.getOutputStream();
                Thread up = pump(client.getInputStream());
                while (!closed && !client.isClosed() && up.isAlive()) {
                    SocketChannel qemu = connectQemu();
                    if (qemu == null) continue;
                    // the channel itself, not Channels' streams: those lock the channel for a blocked read,
                    // so no keystroke got through while the guest printed nothing (at a prompt)
                    console = qemu;
                    try (qemu) {
                        ByteBuffer b = ByteBuffer.allocate(4096);
                        while (qemu.read(b) > 0) {
                            toClient.write(b.array(), 0, b.position());
                            toClient.flush();
                            b.clear();
                        }
                    } catch (IOException powerOff) {
                        // the PC was switched off: wait for the next one, as ser2net would
                    } finally {
                        console = null;
                    }
                }
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private SocketChannel connectQemu() {
        Path sock = dir.resolve("console.sock");
        try {
            if (!Files.exists(sock)) {
                Thread.sleep(50);
                return null;
            }
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(sock));
            return ch;
        } catch (IOException | InterruptedException e) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** Client to console: to the running QEMU, if any. Ends when the client goes away. */
    private Thread pump(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[256];
            try {
                for (int n; (n = in.read(b)) > 0; ) {
                    SocketChannel out = console;
                    if (out == null) continue;
                    try {
                        for (ByteBuffer w = ByteBuffer.wrap(b, 0, n); w.hasRemaining(); ) out.write(w);
                    } catch (IOException off) {
                        // the PC went off under the write
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }, "lab serial input");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closed = true;
        server.close();
        sh(dir.resolve("off").toString());
        sh("losetup -d " + loop);
    }

    private static String sh(String cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(cmd + " failed: " + out);
        return out;
    }
}
