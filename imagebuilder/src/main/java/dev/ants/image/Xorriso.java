package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs xorriso, the ISO tool ants uses instead of an ISO writer of its own; its absence is named with the fix. */
public final class Xorriso {
    private Xorriso() {
    }

    public static HostProcess.Result run(List<String> cmd, Map<String, String> env) throws IOException {
        try {
            return HostProcess.run(cmd, null, env, Duration.ofMinutes(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntsException(ExitCode.INTERRUPTED, "interrupted while running xorriso", "");
        } catch (IOException e) {
            throw AntsException.environment("xorriso cannot be run (" + e.getMessage() + ")", "install it: apt-get install -y xorriso");
        }
    }
}
