package dev.ants.harness.console;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Puts the controlling terminal in raw mode for {@code --attach} (keys go to the guest as typed, Ctrl-C
 * included) and restores it on close. Does nothing when there is no terminal.
 */
public final class TerminalMode implements AutoCloseable {
    private final String saved;

    private TerminalMode(String saved) {
        this.saved = saved;
    }

    public static TerminalMode raw() {
        if (System.console() == null || !new File("/dev/tty").exists()) return new TerminalMode(null);
        try {
            String s = stty("-g").trim();
            stty("raw", "-echo");
            return new TerminalMode(s);
        } catch (IOException | InterruptedException e) {
            return new TerminalMode(null);
        }
    }

    private static String stty(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Override
    public void close() {
        if (saved == null) return;
        try {
            stty(saved);
        } catch (IOException | InterruptedException ignored) {
            // nothing better to do; the user can type `reset`
        }
    }
}
