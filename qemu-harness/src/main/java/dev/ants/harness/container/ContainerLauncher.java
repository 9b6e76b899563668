package dev.ants.harness.container;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.Volume;
import dev.ants.core.AntsException;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.QemuLauncher;
import dev.ants.harness.qemu.RunLayout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a run's QEMU in a Docker container (Testcontainers) made by {@link QemuImage}. Every host path the
 * argv names is bind-mounted at the same path: the run directory (overlay, console and QMP sockets,
 * qemu.stderr) read-write, the guest's kernel, initrd, plan9.ini, ISO and base disk read-only. So the argv
 * is exactly the host runner's, and the console is the same unix socket: UnixSocketConsole and
 * ConsoleSession work unchanged, and parallel runs never compete for TCP ports. /dev/kvm is passed
 * through only when the run uses KVM (--accel auto picks KVM only when KvmProbe says it is usable).
 */
public final class ContainerLauncher implements QemuLauncher {
    private final HarnessOptions options;
    private final Guest guest;
    private final boolean kvm;

    public ContainerLauncher(HarnessOptions options, Guest guest, boolean kvm) {
        this.options = options;
        this.guest = guest;
        this.kvm = kvm;
    }

    @Override
    public Process launch(List<String> argv, RunLayout layout) throws IOException, InterruptedException {
        DockerCheck.require();
        String image = QemuImage.ensure(options.qemuBinary, options.qemuImgBinary);
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" >\"$ANTS_QEMU_LOG\" 2>&1", "qemu"));
        cmd.addAll(argv);
        String name = "ants-" + layout.dir().getFileName();
        List<Bind> binds = binds(layout).entrySet().stream()
                .map(b -> new Bind(b.getKey().toString(), new Volume(b.getKey().toString()), b.getValue() ? AccessMode.rw : AccessMode.ro))
                .toList();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand(cmd.toArray(String[]::new))
                .withEnv("ANTS_QEMU_LOG", layout.qemuStderr().toAbsolutePath().toString())
                .withLabel("dev.ants.run", layout.dir().toAbsolutePath().toString())
                .withStartupAttempts(1)
                // QEMU waits for the console connection; whether it started is the console's business.
                .withStartupCheckStrategy(new StartedOnce())
                .withCreateContainerCmdModifier(create -> {
                    create.withName(name);
                    // Binds on the HostConfig, not withFileSystemBind: with binds, Testcontainers first checks
                    // that mounting works by running its tiny image from Docker Hub, which hangs for minutes
                    // where no registry answers. The mounts are the same.
                    create.getHostConfig().withBinds(binds);
                    // The host's network: a guestfwd to 127.0.0.1 (a case's file server) must reach the host.
                    create.getHostConfig().withNetworkMode("host");
                    // One varargs call: a second withDevices call would replace the first list.
                    if (kvm) create.getHostConfig().withDevices(Device.parse("/dev/kvm"));
                });
        try {
            c.start();
        } catch (RuntimeException e) {
            if (c.getContainerId() != null) new ContainerProcess(c.getDockerClient(), c.getContainerId()).destroyForcibly();
            throw AntsException.environment("the QEMU container (image " + image + ") did not start: " + rootCause(e),
                    "check `docker info` and " + layout.qemuStderr());
        }
        return new ContainerProcess(c.getDockerClient(), c.getContainerId());
    }

    /** Host paths the container needs, each at the same path inside. */
    /** Host path → writable. */
    Map<Path, Boolean> binds(RunLayout layout) {
        Map<Path, Boolean> m = new LinkedHashMap<>();
        m.put(layout.dir().toAbsolutePath(), true);
        m.putIfAbsent(layout.socketDir().toAbsolutePath(), true);
        for (Path p : new Path[]{guest.kernel(), guest.initrd(), guest.plan9ini(), guest.iso(), guest.disk()}) {
            if (p != null) m.putIfAbsent(p.toAbsolutePath(), false);
        }
        return m;
    }

    private static String rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage();
    }

    /** Started is enough: the container's fate is followed by ContainerProcess, not by Testcontainers. */
    private static final class StartedOnce extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient client, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }
}
