package dev.ants.hostbuild;

import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent host commands (gcc compiles) up to {@code jobs} at a time. The first failure is
 * reported with the command, its directory, its output's tail and a hint made from that output.
 */
final class ParallelCommands {
    record Cmd(List<String> argv, Path dir, String label) { }

    private ParallelCommands() {
    }

    /** @param hint what to tell the user, given the failed command's output */
    static void run(List<Cmd> cmds, int jobs, Function<String, String> hint) throws IOException, InterruptedException {
        if (cmds.size() <= 1 || jobs <= 1) {
            for (Cmd c : cmds) runOne(c, hint);
            return;
        }
        ExecutorService ex = Executors.newFixedThreadPool(Math.min(jobs, cmds.size()));
        try {
            List<Future<HostProcess.Result>> fs = new ArrayList<>();
            for (Cmd c : cmds) fs.add(ex.submit(() -> HostProcess.run(c.argv(), c.dir(), null, Duration.ofMinutes(5))));
            for (int i = 0; i < cmds.size(); i++) {
                HostProcess.Result r;
                try {
                    r = fs.get(i).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IOException(e.getCause());
                }
                check(cmds.get(i), r, hint);
            }
        } finally {
            ex.shutdownNow();
        }
    }

    static HostProcess.Result runOne(Cmd c, Function<String, String> hint) throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(c.argv(), c.dir(), null, Duration.ofMinutes(5));
        check(c, r, hint);
        return r;
    }

    private static void check(Cmd c, HostProcess.Result r, Function<String, String> hint) {
        if (!r.ok()) throw CommandFailedException.of(c.label(), c.argv(), c.dir(), r.tail(30), hint.apply(r.output()));
    }
}
