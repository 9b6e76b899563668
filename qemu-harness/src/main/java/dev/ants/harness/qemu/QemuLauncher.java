package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.io.File;
import java.io.IOException;
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

    /** QEMU as a child process of this JVM. */
    QemuLauncher HOST = (argv, layout) -> {
        try {
            return new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(layout.qemuStderr().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw AntsException.environment(argv.get(0) + " cannot be started: " + e.getMessage(),
                    "apt-get install qemu-system-x86 (or put qemu-system-x86_64 on PATH)");
        }
    };
}
