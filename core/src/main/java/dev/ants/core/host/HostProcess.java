package dev.ants.core.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a host command to completion with its output captured; kills it (and its children) on timeout. */
public final class HostProcess {
    /** Exit status and merged stdout+stderr of a finished command; status -1 means it timed out. */
    public record Result(int status, String output) {
        public boolean ok() {
            return status == 0;
        }

        /** The last {@code n} lines of the output, for error messages. */
        public String tail(int n) {
            String[] lines = output.split("\n");
            int from = Math.max(0, lines.length - n);
            return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
        }
    }

    private HostProcess() {
    }

    public static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        if (env != null) pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getInputStream(), buf), "drain " + command.get(0));
        drain.setDaemon(true);
        drain.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(p);
                drain.join(1000);
                return new Result(-1, buf.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            destroyTree(p);
            throw e;
        }
        drain.join(5000);
        synchronized (buf) {
            return new Result(p.exitValue(), buf.toString(StandardCharsets.UTF_8));
        }
    }

    public static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(command, null, null, timeout);
    }

    /** Kills a process and all its descendants, leaving no orphans. */
    public static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] b = new byte[8192];
        try (in) {
            for (int n; (n = in.read(b)) > 0; ) {
                synchronized (out) {
                    out.write(b, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the process went away; what was read is kept
        }
    }
}
