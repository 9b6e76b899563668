package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * QEMU as a child process of this JVM, started through {@code setpriv --pdeathsig KILL} (util-linux):
 * the kernel kills QEMU when its parent dies, even by SIGKILL, where no shutdown hook runs. Linux ties
 * that signal to the parent's thread, not its process, so every QEMU is started from one thread that
 * lives as long as the JVM; a pooled thread (a JUnit worker, a --jobs thread) that ends would otherwise
 * take its guest along. Each QEMU is also recorded ({@link QemuPids}) for the next run to reap.
 */
final class HostLauncher implements QemuLauncher {
    static final HostLauncher INSTANCE = new HostLauncher();
    /** util-linux's setpriv sets the parent-death signal and execs QEMU (the pid stays QEMU's). */
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    // Tasks go in with submit(): a failing task leaves the thread alive (execute() would replace it).
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ants-qemu-spawner");
        t.setDaemon(true);
        return t;
    });

    private HostLauncher() {
    }

    static List<String> command(List<String> argv) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) cmd.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        cmd.addAll(argv);
        return cmd;
    }

    @Override
    public Process launch(List<String> argv, RunLayout layout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(argv))
                .redirectErrorStream(true)
                .redirectOutput(layout.qemuStderr().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = SPAWNER.submit(pb::start).get();
        } catch (ExecutionException e) {
            throw AntsException.environment(argv.get(0) + " cannot be started: " + e.getCause().getMessage(),
                    "apt-get install qemu-system-x86 (or put qemu-system-x86_64 on PATH)");
        }
        QemuPids.record(p, layout.dir());
        return p;
    }
}
