package dev.ants.core.cleanup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LeftoversTest {
    @TempDir
    Path tmp;

    @Test
    void removesWhatDeadOwnersLeftAndKeepsWhatLiveOnesAreWriting() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(tmp.resolve(".out.ants-tmp-" + gone.pid() + "-abcd1234"));
        Files.writeString(dead.resolve("half.c"), "int half;\n");
        Path oldStyle = Files.createDirectories(tmp.resolve(".out.ants-partial-" + gone.pid()));
        Path mine = Files.createFile(tmp.resolve(Leftovers.tempName("img") + ".raw"));
        Path notOurs = Files.createFile(tmp.resolve(".bashrc"));
        List<Path> removed = Leftovers.removeStale(tmp);
        assertEquals(2, removed.size(), removed.toString());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(oldStyle));
        assertTrue(Files.exists(mine), "this JVM still owns it");
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void aPidReusedByAnotherProgramDoesNotProtectALeftover() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Path p = Files.createFile(tmp.resolve(".x.ants-tmp-" + sleeper.pid() + "-00000000"));
            assertEquals(List.of(p), Leftovers.removeStale(tmp));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void cleanupRegistrationsCloseWithoutRunning() {
        int before = Cleanup.pending();
        boolean[] ran = {false};
        try (Cleanup.Registration r = Cleanup.onExit("test", () -> ran[0] = true)) {
            assertEquals(before + 1, Cleanup.pending());
        }
        assertEquals(before, Cleanup.pending());
        assertFalse(ran[0]);
    }
}
