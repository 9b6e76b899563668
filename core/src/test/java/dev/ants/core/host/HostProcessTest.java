package dev.ants.core.host;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class HostProcessTest {
    @Test
    void capturesOutputAndStatus() throws Exception {
        HostProcess.Result r = HostProcess.run(List.of("sh", "-c", "echo one; echo two >&2; exit 3"), Duration.ofSeconds(10));
        assertEquals(3, r.status());
        assertTrue(r.output().contains("one") && r.output().contains("two"));
        assertTrue(r.tail(1).trim().equals("one") || r.tail(1).trim().equals("two"), r.tail(1));
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        HostProcess.Result r = HostProcess.run(List.of("sh", "-c", "sleep 300 & echo $! ; wait"), Duration.ofMillis(500));
        assertEquals(-1, r.status());
        long child = Long.parseLong(r.output().trim());
        assertTrue(gone(child), "the sleep child must be gone");
    }

    /** Dead or a zombie awaiting its reaper, within a few seconds. */
    static boolean gone(long pid) throws Exception {
        for (int i = 0; i < 50; i++) {
            java.nio.file.Path stat = java.nio.file.Path.of("/proc/" + pid + "/stat");
            if (!java.nio.file.Files.exists(stat)) return true;
            String s = java.nio.file.Files.readString(stat);
            if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) return true;
            Thread.sleep(100);
        }
        return false;
    }
}
