package dev.ants.harness.qemu;

import dev.ants.core.AntsException;
import dev.ants.harness.console.Console;
import dev.ants.harness.console.UnixSocketConsole;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.Target;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One running QEMU: its process, console session and QMP connection. As a {@link Target} it speaks the
 * console and power protocols real machines speak (power: QMP cont, quit, system_reset) and adds the
 * capabilities only an emulator has: snapshots (savevm/loadvm) and unplugging devices (device_del).
 * Closing it always ends the process.
 */
public final class QemuMachine implements Target, Closeable {
    /** How long QEMU may take to open its sockets: seconds when idle, much longer on an overloaded host. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final Process process;
    private final RunLayout layout;
    private final ConsoleSession session;
    private final QmpClient qmp;
    private volatile boolean stopping;

    private QemuMachine(Process process, RunLayout layout, ConsoleSession session, QmpClient qmp) {
        this.process = process;
        this.layout = layout;
        this.session = session;
        this.qmp = qmp;
    }

    /**
     * Starts QEMU with {@code argv} (stdout and stderr to the run's qemu.stderr, the command line to
     * qemu.cmdline), connects the console (QEMU waits for us before starting the guest) and QMP.
     */
    public static QemuMachine start(List<String> argv, RunLayout layout, ConsoleSession.Options options)
            throws IOException, InterruptedException {
        return start(argv, layout, options, QemuLauncher.HOST);
    }

    /** As above, with QEMU started by {@code launcher} (on the host, or in a container). */
    public static QemuMachine start(List<String> argv, RunLayout layout, ConsoleSession.Options options, QemuLauncher launcher)
            throws IOException, InterruptedException {
        Files.writeString(layout.commandLine(), QemuCommand.shellLine(argv) + "\n", StandardCharsets.UTF_8);
        Process p = launcher.launch(argv, layout);
        ProcessReaper.register(p);
        try {
            Console console = UnixSocketConsole.connect(layout.consoleSocket(), START_TIMEOUT, p::isAlive);
            ConsoleSession session = new ConsoleSession(console, layout.transcript(), options);
            QmpClient qmp = QmpClient.connect(layout.qmpSocket(), START_TIMEOUT, p::isAlive);
            return new QemuMachine(p, layout, session, qmp);
        } catch (IOException | RuntimeException e) {
            ProcessReaper.kill(p, 500);
            throw AntsException.environment("QEMU did not start: " + tail(layout.qemuStderr(), 5).trim(),
                    "see " + layout.qemuStderr() + " and the command line in " + layout.commandLine());
        } catch (InterruptedException e) {
            ProcessReaper.kill(p, 500);
            throw e;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public ConsoleSession session() {
        return session;
    }

    public QmpClient qmp() {
        return qmp;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public RunLayout layout() {
        return layout;
    }

    /** Resumes a paused machine; a running one is already on. */
    @Override
    public void on() throws IOException, InterruptedException {
        if (!"running".equals(qmp.status())) qmp.execute("cont", null, Duration.ofSeconds(10));
    }

    /** Pulls the plug: QEMU quits (its overlay is flushed); the machine cannot be switched on again. */
    @Override
    public void off() {
        stopping = true;
        qmp.quit();
    }

    /** A hard reset (QMP system_reset): the guest reboots, QEMU and the console stay. */
    @Override
    public void cycle() throws IOException, InterruptedException {
        qmp.systemReset();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SNAPSHOT, Capability.DEVICE_DEL);
    }

    @Override
    public String describe() {
        return "QEMU (" + layout.dir().getFileName() + ")";
    }

    @Override
    public void snapshot(String tag) throws IOException, InterruptedException {
        qmp.savevm(tag, session.scaled(Duration.ofSeconds(120)));
    }

    @Override
    public void restore(String tag) throws IOException, InterruptedException {
        qmp.loadvm(tag, session.scaled(Duration.ofSeconds(120)));
        session.skipToEnd(); // what the guest printed before belongs to another timeline
    }

    @Override
    public void deviceDel(String id) throws IOException, InterruptedException {
        qmp.execute("device_del", Map.of("id", id), Duration.ofSeconds(10));
    }

    /** Best effort: a picture of the VGA screen for the failure report; false if there is none. */
    public boolean screendump(Path file) {
        if (!process.isAlive()) return false;
        try {
            qmp.screendump(file);
            return Files.exists(file);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public String infrastructureProblem() {
        if (stopping) return null;
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        int code = process.exitValue();
        if (code == 0) return null; // the guest powered off: that is the system under test's doing
        return "QEMU exited with status " + code + ": " + tail(layout.qemuStderr(), 3).trim();
    }

    /** Exit status once QEMU has ended, else null. */
    public Integer exitStatus() {
        return process.isAlive() ? null : process.exitValue();
    }

    public void waitForExit() throws InterruptedException {
        process.waitFor();
    }

    /** Quits QEMU through QMP (flushing the overlay), killing it if that does not work; idempotent. */
    @Override
    public void close() {
        stopping = true;
        if (process.isAlive()) {
            qmp.quit();
            try {
                if (!process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) ProcessReaper.kill(process, 2000);
            } catch (InterruptedException e) {
                ProcessReaper.kill(process, 0);
                Thread.currentThread().interrupt();
            }
        }
        ProcessReaper.kill(process, 0);
        try {
            qmp.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            session.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
