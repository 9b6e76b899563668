package dev.ants.harness.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ants.core.Json;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * QEMU Machine Protocol over the run's unix socket: one JSON object per line. A reader thread separates
 * command replies from asynchronous events, so a reply is never mistaken for an event or lost.
 */
public final class QmpClient implements Closeable {
    /** A QMP command failed or QEMU went away while we waited. */
    public static final class QmpException extends IOException {
        public QmpException(String message) {
            super(message);
        }
    }

    private static final JsonNode EOF = Json.JSON.createObjectNode().put("eof", true);

    private final SocketChannel channel;
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        Thread t = new Thread(this::readLoop, "ants-qmp");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Connects (waiting for the socket to appear while {@code qemuAlive} holds: a QEMU that exits at
     * start, e.g. on a locked disk, may never make it) and leaves capability negotiation mode.
     */
    public static QmpClient connect(Path socket, Duration timeout, java.util.function.BooleanSupplier qemuAlive)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!qemuAlive.getAsBoolean()) throw new QmpException("QEMU exited before its QMP socket " + socket + " could be used");
            if (Files.exists(socket)) {
                try {
                    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    QmpClient c = new QmpClient(ch);
                    c.await(timeout); // greeting
                    c.execute("qmp_capabilities", null, timeout);
                    return c;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) throw e;
                }
            }
            if (System.nanoTime() > deadline) throw new QmpException("QMP socket " + socket + " did not appear");
            Thread.sleep(10);
        }
    }

    private void readLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = Json.JSON.readTree(line);
                if (n.has("event")) events.add(n);
                else replies.add(n);
            }
        } catch (IOException ignored) {
            // QEMU exited or we closed the socket
        }
        replies.add(EOF);
    }

    private JsonNode await(Duration timeout) throws IOException, InterruptedException {
        JsonNode n = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) throw new QmpException("no QMP reply within " + timeout.toSeconds() + " s");
        if (n == EOF) {
            replies.add(EOF);
            throw new QmpException("QEMU closed the QMP connection");
        }
        return n;
    }

    /** Runs one command; its "return" value, or a QmpException with QEMU's error text. */
    public synchronized JsonNode execute(String command, Map<String, ?> arguments, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode cmd = Json.JSON.createObjectNode().put("execute", command);
        if (arguments != null) cmd.set("arguments", Json.JSON.valueToTree(arguments));
        byte[] bytes = (Json.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(cmd) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) channel.write(b);
        JsonNode reply = await(timeout);
        if (reply.has("error")) {
            throw new QmpException(command + ": " + reply.path("error").path("desc").asText(reply.toString()));
        }
        return reply.path("return");
    }

    /** A human-monitor command; HMP reports errors as text, so any output from savevm/loadvm is an error. */
    public String hmp(String commandLine, Duration timeout) throws IOException, InterruptedException {
        return execute("human-monitor-command", Map.of("command-line", commandLine), timeout).asText("");
    }

    public void systemReset() throws IOException, InterruptedException {
        execute("system_reset", null, Duration.ofSeconds(10));
    }

    public void screendump(Path file) throws IOException, InterruptedException {
        execute("screendump", Map.of("filename", file.toAbsolutePath().toString()), Duration.ofSeconds(10));
    }

    public void savevm(String name, Duration timeout) throws IOException, InterruptedException {
        String out = hmp("savevm " + name, timeout);
        if (!out.isBlank()) throw new QmpException("savevm " + name + ": " + out.trim());
    }

    public void loadvm(String name, Duration timeout) throws IOException, InterruptedException {
        String out = hmp("loadvm " + name, timeout);
        if (!out.isBlank()) throw new QmpException("loadvm " + name + ": " + out.trim());
    }

    public String status() throws IOException, InterruptedException {
        return execute("query-status", null, Duration.ofSeconds(10)).path("status").asText();
    }

    /** Asks QEMU to exit; QEMU may close the socket before replying, which is fine. */
    public void quit() {
        try {
            execute("quit", null, Duration.ofSeconds(5));
        } catch (IOException | InterruptedException ignored) {
            // it is going away either way
        }
    }

    public List<JsonNode> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
