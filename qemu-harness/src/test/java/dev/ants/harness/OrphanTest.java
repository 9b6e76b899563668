package dev.ants.harness;

import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Neither Ctrl-C nor SIGKILL of a JVM that runs a guest may leave QEMU behind; an interrupted run directory is marked. */
class OrphanTest {
    /** Child JVM: boots the Linux guest with a scenario that waits forever. */
    public static void main(String[] args) throws Exception {
        Guest g = Guest.kernel(Path.of(args[0]), Path.of(args[1]), args[2]);
        var s = ScenarioLoader.parse("steps:\n  - expect: never-printed\n    timeout: 600\n", "wait", Path.of("."), Map.of());
        new Harness().boot(new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), g).accel(Accel.TCG).vga(false)
                .runParent(Path.of(args[3])).scenario(s));
    }

    @Test
    void ctrlCKillsQemu(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanTest.class.getName(),
                g.kernel().toString(), g.initrd().toString(), g.append(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        try {
            Optional<ProcessHandle> qemu = Optional.empty();
            for (int i = 0; i < 300 && qemu.isEmpty(); i++) {
                Thread.sleep(100);
                qemu = child.descendants().filter(p -> p.info().command().orElse("").contains("qemu-system")).findFirst();
            }
            assertTrue(qemu.isPresent(), "the child started QEMU");
            Thread.sleep(1500);
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child exits on SIGINT");
            ProcessHandle q = qemu.get();
            for (int i = 0; i < 50 && q.isAlive(); i++) Thread.sleep(100);
            assertFalse(q.isAlive(), "QEMU " + q.pid() + " outlived the Ctrl-C'd run");
            try (var runs = Files.list(dir)) {
                List<Path> runDirs = runs.filter(p -> p.getFileName().toString().startsWith("ants-pc-virtio-")).toList();
                assertEquals(1, runDirs.size());
                assertTrue(Files.exists(runDirs.get(0).resolve("INTERRUPTED")), "the interrupted run is marked");
            }
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    /** SIGKILL (the OOM killer, a cancelled CI job): no shutdown hook runs; QEMU's parent-death signal takes it along. */
    @Test
    void sigkillOfTheJvmTakesQemuAlong(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanTest.class.getName(),
                g.kernel().toString(), g.initrd().toString(), g.append(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        Optional<ProcessHandle> qemu = Optional.empty();
        try {
            for (int i = 0; i < 300 && qemu.isEmpty(); i++) {
                Thread.sleep(100);
                qemu = child.descendants().filter(p -> p.info().command().orElse("").contains("qemu-system")).findFirst();
            }
            assertTrue(qemu.isPresent(), "the child started QEMU");
            assertTrue(pgrep(dir), "pgrep finds the run's QEMU by its run directory");
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            boolean gone = false;
            for (int i = 0; i < 50 && !gone; i++) {
                Thread.sleep(100);
                gone = !pgrep(dir);
            }
            assertTrue(gone, "QEMU " + qemu.get().pid() + " outlived the SIGKILLed JVM");
        } finally {
            if (qemu.isPresent()) qemu.get().destroyForcibly(); // an orphan, should the test fail
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    /** Whether a process whose command line names {@code runParent} (QEMU's disk and socket paths do) runs. */
    private static boolean pgrep(Path runParent) throws Exception {
        Process p = new ProcessBuilder("pgrep", "-f", "qemu-system.*" + runParent).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
