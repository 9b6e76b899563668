package dev.ants.harness.qemu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The records of running QEMUs: a dead run's orphan is stopped and named; anything else is left alone. */
class QemuPidsTest {
    /** A pid that no process has any more. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theOrphanOfADeadRunIsStoppedAndNamed(@TempDir Path dir) throws Exception {
        Process orphan = new ProcessBuilder("sleep", "600").start(); // stands in for a QEMU whose ants was SIGKILLed
        try {
            QemuPids.write(dir, deadPid(), 1, orphan.toHandle(), Path.of("/tmp/ants-pc-virtio-1234"));
            List<String> said = QemuPids.reapOrphans(dir);
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).contains("pid " + orphan.pid()) && said.get(0).contains("/tmp/ants-pc-virtio-1234"), said.get(0));
            assertTrue(orphan.waitFor(5, TimeUnit.SECONDS), "the orphan was stopped");
            assertFalse(Files.exists(dir.resolve("qemu-" + orphan.pid())), "its record is gone");
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aLiveRunsQemuAndAReusedPidAreLeftAlone(@TempDir Path dir) throws Exception {
        Process mine = new ProcessBuilder("sleep", "600").start();
        Process stranger = new ProcessBuilder("sleep", "600").start();
        try {
            QemuPids.record(dir, mine.toHandle(), Path.of("/tmp/run")); // owner: this JVM, alive
            QemuPids.write(dir, deadPid(), 1, stranger.toHandle(), Path.of("/tmp/other"));
            // the recorded QEMU start time no longer matches: the pid now belongs to someone else
            Path rec = dir.resolve("qemu-" + stranger.pid());
            String[] f = Files.readString(rec).trim().split(" ", 4);
            Files.writeString(rec, f[0] + " " + f[1] + " " + (Long.parseLong(f[2]) - 5000) + " " + f[3] + "\n");
            assertEquals(List.of(), QemuPids.reapOrphans(dir));
            assertTrue(mine.isAlive() && stranger.isAlive());
            assertTrue(Files.exists(dir.resolve("qemu-" + mine.pid())), "a live run keeps its record");
            assertFalse(Files.exists(rec), "a stale record is dropped");
        } finally {
            mine.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void qemuIsStartedWithAParentDeathSignal() {
        List<String> cmd = HostLauncher.command(List.of("qemu-system-x86_64", "-nodefaults"));
        if (Files.isExecutable(HostLauncher.SETPRIV)) {
            assertEquals(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "qemu-system-x86_64", "-nodefaults"), cmd);
        } else {
            assertEquals(List.of("qemu-system-x86_64", "-nodefaults"), cmd);
        }
    }
}
