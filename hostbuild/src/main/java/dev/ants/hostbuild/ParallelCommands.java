package dev.ants.hostbuild;

import dev.ants.core.host.HostProcess;
import dev.ants.core.host.Parallelism;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent host commands (gcc compiles) as many at a time as the build's job count. The first failure is reported with the command, its directory and its output's tail.
 */
final class ParallelCommands {
    record Cmd(List<String> argv, Path dir, String label) { }

    interface Done {
        void done(Cmd c);
    }

    private ParallelCommands() {
    }

    static void run(List<Cmd> cmds, Done done, String hint) throws IOException, InterruptedException {
        ExecutorService ex = Executors.newFixedThreadPool(Parallelism.defaultJobs());
        try {
            List<Future<HostProcess.Result>> fs = new ArrayList<>();
            for (Cmd c : cmds) {
                fs.add(ex.submit(() -> HostProcess.run(c.argv(), c.dir(), null, Duration.ofMinutes(5))));
            }
            for (int i = 0; i < cmds.size(); i++) {
                HostProcess.Result r;
                try {
                    r = fs.get(i).get();
                } catch (ExecutionException e) {
                    Throwable t = e.getCause();
                    if (t instanceof IOException io) throw io;
                    throw new IOException(t);
                }
                Cmd c = cmds.get(i);
                if (!r.ok()) {
                    throw CommandFailedException.of(c.label(), c.argv(), c.dir(), r.tail(30), hint);
                }
                done.done(c);
            }
        } finally {
            ex.shutdownNow();
        }
    }

    static HostProcess.Result runOne(Cmd c, String hint) throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(c.argv(), c.dir(), null, Duration.ofMinutes(5));
        if (!r.ok()) throw CommandFailedException.of(c.label(), c.argv(), c.dir(), r.tail(30), hint);
        return r;
    }
}
