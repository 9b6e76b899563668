package dev.ants.harness.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.WaitContainerResultCallback;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A container seen as a {@link Process}, so QemuMachine and ProcessReaper treat a containerised QEMU like
 * a local one (isAlive, waitFor, exit status, SIGTERM then SIGKILL on close and Ctrl-C). The container is
 * removed as soon as it ends, before {@link #waitFor} returns: a finished run never leaves one behind.
 * QEMU is the container's first process, so {@link #pid} is its host PID.
 */
final class ContainerProcess extends Process {
    private final DockerClient docker;
    private final String id;
    private final long pid;
    private final CompletableFuture<Process> exited = new CompletableFuture<>();
    private volatile int exitCode = -1;

    ContainerProcess(DockerClient docker, String id) {
        this.docker = docker;
        this.id = id;
        long p = -1;
        try {
            InspectContainerResponse.ContainerState s = docker.inspectContainerCmd(id).exec().getState();
            if (s.getPidLong() != null) p = s.getPidLong();
        } catch (DockerException ignored) {
            // gone already; the waiter notices
        }
        this.pid = p;
        Thread waiter = new Thread(this::awaitExit, "ants-container-" + id.substring(0, Math.min(12, id.length())));
        waiter.setDaemon(true);
        waiter.start();
    }

    String containerId() {
        return id;
    }

    private void awaitExit() {
        int code;
        try {
            code = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode();
        } catch (NotFoundException e) {
            code = 137; // removed under us (destroyForcibly)
        } catch (RuntimeException e) {
            code = pollUntilStopped();
        }
        remove();
        exitCode = code;
        exited.complete(this);
    }

    /** When the wait call breaks (the daemon restarted): ask every half second instead. */
    private int pollUntilStopped() {
        while (true) {
            try {
                InspectContainerResponse.ContainerState s = docker.inspectContainerCmd(id).exec().getState();
                if (!Boolean.TRUE.equals(s.getRunning())) return s.getExitCodeLong() == null ? 137 : s.getExitCodeLong().intValue();
                Thread.sleep(500);
            } catch (NotFoundException e) {
                return 137;
            } catch (InterruptedException e) {
                return 130;
            } catch (RuntimeException e) {
                return 137;
            }
        }
    }

    private void remove() {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException ignored) {
            // already removed
        } catch (RuntimeException ignored) {
            // "removal already in progress": another thread removes it
        }
    }

    private void signal(String sig) {
        try {
            docker.killContainerCmd(id).withSignal(sig).exec();
        } catch (RuntimeException ignored) {
            // not running any more
        }
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream(); // QEMU's stdin is not used; the console is a socket
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream(); // QEMU's output goes to the run's qemu.stderr
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        try {
            exited.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            exited.get(timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int exitValue() {
        if (!exited.isDone()) throw new IllegalThreadStateException("container " + id + " is still running");
        return exitCode;
    }

    @Override
    public boolean isAlive() {
        return !exited.isDone();
    }

    /** SIGTERM: QEMU flushes its overlays and quits; the waiter then removes the container. */
    @Override
    public void destroy() {
        signal("TERM");
    }

    /** Kills and removes the container at once (also from the JVM's shutdown hook on Ctrl-C). */
    @Override
    public Process destroyForcibly() {
        signal("KILL");
        remove();
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return true;
    }

    @Override
    public long pid() {
        if (pid <= 0) throw new UnsupportedOperationException("container " + id + " has no host PID");
        return pid;
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exited;
    }

    @Override
    public String toString() {
        return "container " + id + " (QEMU pid " + pid + ")";
    }
}
