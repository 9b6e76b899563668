package dev.ants.harness.console;

import dev.ants.core.cleanup.Cleanup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the controlling terminal in raw mode for {@code --attach} (keys go to the guest as typed, Ctrl-C
 * included) and restores it. The harness restores it the moment the console is given up (Ctrl-], or the
 * guest powered off), before any progress or summary line prints, so those lines do not start at the
 * old cursor column; a signal that ends ants restores it too. Does nothing when there is no terminal.
 */
public final class TerminalMode implements AutoCloseable {
    private static volatile TerminalMode active;

    private final Path tty;
    private final String saved;
    private final Cleanup.Registration onExit;
    private boolean restored;

    private TerminalMode(Path tty, String saved) {
        this.tty = tty;
        this.saved = saved;
        this.onExit = saved == null ? () -> { } : Cleanup.onExit("restore the terminal", this::restore);
        if (saved != null) active = this;
    }

    /** The controlling terminal (/dev/tty) in raw mode; a no-op without one. */
    public static TerminalMode raw() {
        if (System.console() == null || !new File("/dev/tty").exists()) return new TerminalMode(null, null);
        return raw(Path.of("/dev/tty"));
    }

    /** {@code tty} in raw mode (no echo, no line editing, no signals from keys); a no-op if stty fails. */
    public static TerminalMode raw(Path tty) {
        try {
            String s = stty(tty, "-g").trim();
            if (s.isEmpty() || !Files.exists(tty)) return new TerminalMode(null, null);
            stty(tty, "raw", "-echo");
            return new TerminalMode(tty, s);
        } catch (IOException | InterruptedException e) {
            return new TerminalMode(null, null);
        }
    }

    /** Restores the terminal that is in raw mode now, if any; called when an attached console is given up. */
    public static void restoreActive() {
        TerminalMode t = active;
        if (t != null) t.restore();
    }

    private static String stty(Path tty, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(tty.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? out : "";
    }

    private synchronized void restore() {
        if (saved == null || restored) return;
        restored = true;
        if (active == this) active = null;
        try {
            stty(tty, saved);
        } catch (IOException | InterruptedException ignored) {
            // nothing better to do; the user can type `reset`
        }
    }

    @Override
    public void close() {
        restore();
        onExit.close();
    }
}
