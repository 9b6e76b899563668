package dev.ants.harness.run;

import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.harness.qemu.RunLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's directory ({@code ants-MODEL-XXXX}): the overlay, the console transcript, QEMU's log and
 * command line, the result. Sockets live in a short directory of their own when the run directory's
 * path is too long for a unix socket. If the JVM ends while the run is open (Ctrl-C, SIGTERM), the
 * clean-up registry marks the directory INTERRUPTED; it is kept with everything a failure needs, or
 * removed when the run passed.
 */
public final class RunDirectory implements AutoCloseable {
    /** A unix socket path holds at most 107 bytes. */
    private static final int SOCKET_PATH_ROOM = 90;

    private final Path dir;
    private final Path socketDir;
    private final Cleanup.Registration marker;

    private RunDirectory(Path dir, Path socketDir) {
        this.dir = dir;
        this.socketDir = socketDir;
        this.marker = Cleanup.onExit("mark " + dir + " interrupted", () -> {
            try {
                Files.writeString(dir.resolve("INTERRUPTED"), "this run was interrupted; its files are incomplete\n");
            } catch (IOException ignored) {
                // the directory may already be gone
            }
        });
    }

    /** A new run directory under {@code parent} (default: the temp dir). */
    public static RunDirectory create(Path parent, String model) throws IOException {
        Path p = parent != null ? Files.createDirectories(parent) : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(p, "ants-" + model + "-");
        Path sockets = dir.toAbsolutePath().toString().length() > SOCKET_PATH_ROOM
                ? Files.createTempDirectory(Path.of("/tmp"), "ants-s") : dir;
        return new RunDirectory(dir, sockets);
    }

    public Path path() {
        return dir;
    }

    public RunLayout layout() {
        return new RunLayout(dir, socketDir);
    }

    /** The files a kept run offers, by name: transcript, overlay, qemu-stderr, qemu-cmdline, result. */
    public Map<String, String> artifacts() {
        RunLayout l = RunLayout.in(dir);
        Map<String, String> a = new LinkedHashMap<>();
        put(a, "transcript", l.transcript());
        put(a, "overlay", l.diskOverlay());
        put(a, "screendump", l.screendump());
        put(a, "qemu-stderr", l.qemuStderr());
        put(a, "qemu-cmdline", l.commandLine());
        a.put("result", l.report().toString());
        return a;
    }

    private static void put(Map<String, String> a, String key, Path p) {
        if (Files.exists(p)) a.put(key, p.toString());
    }

    /** Removes the whole run (a passed run, or a stalled attempt that is rerun). */
    public void delete() {
        close();
        FileTrees.deleteQuietly(dir);
    }

    /** Ends the run's registration; the sockets go, the directory stays. */
    @Override
    public void close() {
        marker.close();
        if (!socketDir.equals(dir)) FileTrees.deleteQuietly(socketDir);
    }
}
