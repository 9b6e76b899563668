package dev.ants.image.testutil;

import dev.ants.core.host.HostProcess;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GNU mtools as an independent reader of the FAT volumes we write. */
public final class Mtools {
    private Mtools() {
    }

    public static boolean has(String tool) {
        try {
            return HostProcess.run(List.of(tool, "--version"), Duration.ofSeconds(10)).status() >= 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs an mtools command, asserts it succeeded, returns its output. */
    public static String run(String... args) throws Exception {
        HostProcess.Result r = HostProcess.run(List.of(args), null, Map.of("MTOOLS_SKIP_CHECK", "1"), Duration.ofSeconds(20));
        assertEquals(0, r.status(), String.join(" ", args) + ":\n" + r.output());
        return r.output();
    }
}
