package dev.ants.harness.container;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Decides whether the container runner can work here: a reachable Docker daemon ({@code docker info})
 * and the two Testcontainers settings that machines without a registry need. Tests skip on
 * {@link #problem()}; the runner fails with it (exit 3) before anything starts.
 */
public final class DockerCheck {
    private static volatile boolean daemonSeen;

    private DockerCheck() {
    }

    /** Null when Docker answers, else one sentence saying why not and what to do. */
    public static String problem() {
        if (daemonSeen) return null;
        HostProcess.Result r;
        try {
            r = HostProcess.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Duration.ofSeconds(20));
        } catch (IOException e) {
            return "Docker is not installed (no docker command: " + e.getMessage() + "): apt-get install docker.io";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking Docker";
        }
        if (!r.ok()) {
            return "Docker is not running (docker info: " + r.tail(1).trim() + "): start it with"
                    + " `dockerd >/var/log/dockerd.log 2>&1 &` and wait until `docker info` answers";
        }
        daemonSeen = true;
        return null;
    }

    /**
     * Null when Testcontainers will start containers without a registry, else the missing setting.
     * Both are read only from the environment by Testcontainers, so the harness cannot set them itself.
     */
    public static String testcontainersProblem() {
        // Ryuk, Testcontainers' reaper, is an image from Docker Hub; the harness removes its containers itself.
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED")) && !ryukImagePresent()) {
            return "Testcontainers would pull its Ryuk image from Docker Hub: set TESTCONTAINERS_RYUK_DISABLED=true"
                    + " (the harness removes its own containers)";
        }
        // With /.dockerenv Testcontainers thinks it runs inside Docker and pulls a tiny image to find the gateway.
        if (Files.exists(Path.of("/.dockerenv")) && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null) {
            return "this machine carries /.dockerenv, so Testcontainers would pull an image to find the Docker host:"
                    + " set TESTCONTAINERS_HOST_OVERRIDE=localhost";
        }
        return null;
    }

    /** Throws the environment error (exit 3) when the container runner cannot work here. */
    public static void require() {
        String p = problem();
        if (p == null) p = testcontainersProblem();
        if (p != null) throw AntsException.environment("the container runner cannot start QEMU: " + p, "or run QEMU on the host (the default runner)");
    }

    private static boolean ryukImagePresent() {
        try {
            HostProcess.Result r = HostProcess.run(List.of("docker", "images", "-q", "testcontainers/ryuk"), Duration.ofSeconds(20));
            return r.ok() && !r.output().isBlank();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
