package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the QEMU process of a run: on this host ({@link #HOST}) or elsewhere, e.g. inside a container
 * ({@code dev.ants.harness.container.ContainerLauncher}). The process must write QEMU's output to the
 * run's qemu.stderr and create the console and QMP sockets at the layout's paths, so the console and QMP
 * code is the same whichever way QEMU runs.
 */
@FunctionalInterface
public interface QemuLauncher {
    Process launch(List<String> argv, RunLayout layout) throws IOException, InterruptedException;

    /** util-linux's setpriv, which sets the parent-death signal and execs QEMU (same pid). */
    String SETPRIV = "/usr/bin/setpriv";

    /**
     * QEMU as a child process of this JVM, started through {@code setpriv --pdeathsig KILL} (util-linux)
     * when there is one: the kernel kills QEMU when the thread that started it dies, even by SIGKILL,
     * where no shutdown hook runs. (The thread, not the process: a run starts and stops its QEMU in one
     * thread.) Each QEMU is also recorded ({@link QemuPids}) for the next run to reap if that fails.
     */
    QemuLauncher HOST = (argv, layout) -> {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of(SETPRIV))) cmd.addAll(List.of(SETPRIV, "--pdeathsig", "KILL", "--"));
        cmd.addAll(argv);
        Process p;
        try {
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(layout.qemuStderr().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw AntsException.environment(argv.get(0) + " cannot be started: " + e.getMessage(),
                    "apt-get install qemu-system-x86 (or put qemu-system-x86_64 on PATH)");
        }
        QemuPids.record(p, layout.dir());
        return p;
    };
}
