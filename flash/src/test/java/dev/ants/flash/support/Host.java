package dev.ants.flash.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs host commands for tests, and skips (saying why on the console) when the host cannot run a test. */
public final class Host {
    private Host() {
    }

    /** Skips the test unless we are root and the named programs exist; prints the reason, since Surefire only counts skips. */
    public static void require(String why, String... programs) {
        String missing = null;
        if (!"root".equals(System.getProperty("user.name"))) missing = "root (" + why + ")";
        for (String p : programs) {
            if (missing == null && !Files.isExecutable(Path.of(p))) missing = p + " (" + why + "; apt-get install the package that has it)";
        }
        if (missing != null) {
            String reason = "needs " + missing + "; CI runs these as root after ants doctor --install";
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** Runs a command; fails the test with its output if it fails. Returns stdout+stderr. */
    public static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " timed out");
            }
            if (p.exitValue() != 0) throw new AssertionError(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", cmd) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a command and returns its exit status, ignoring the output. */
    public static int status(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
