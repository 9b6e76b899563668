package dev.ants.flash.device;

import dev.ants.core.host.HostProcess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs device scripts with this host's /bin/sh. */
public final class LocalShell implements Shell {
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public String where() {
        return "";
    }

    @Override
    public Result run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-s", "--"));
        cmd.addAll(List.of(args));
        return exec(cmd, in -> in.write(script.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Result feed(String script, Feeder feeder, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        cmd.addAll(List.of(args));
        return exec(cmd, feeder);
    }

    private Result exec(List<String> cmd, Feeder feeder) throws IOException, InterruptedException {
        if (closed) throw new IOException("cancelled");
        Process p = new ProcessBuilder(cmd).start();
        running.add(p);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = drain(p.getInputStream(), out);
            Thread e = drain(p.getErrorStream(), err);
            IOException feedFailed = null;
            try (OutputStream stdin = p.getOutputStream()) {
                feeder.feed(stdin);
            } catch (IOException x) {
                // the command ended early (its own error says why) or was cancelled
                feedFailed = x;
            }
            int status = p.waitFor();
            o.join();
            e.join();
            if (closed) throw new IOException("cancelled");
            if (feedFailed != null && status == 0) throw feedFailed;
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException x) {
            HostProcess.destroyTree(p);
            throw x;
        } finally {
            running.remove(p);
        }
    }

    @Override
    public void close() {
        closed = true;
        running.forEach(HostProcess::destroyTree);
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the process is gone; what was read is kept
            }
        }, "sh output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
