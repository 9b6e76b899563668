package dev.ants.harness.qemu;

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

    /** QEMU as a child process of this JVM that dies with it (see {@link HostLauncher}). */
    QemuLauncher HOST = HostLauncher.INSTANCE;
}
