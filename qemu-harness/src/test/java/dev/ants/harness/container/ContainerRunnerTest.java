package dev.ants.harness.container;

import dev.ants.core.host.HostProcess;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.Runner;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Linux self-test guest booted by QEMU inside a Docker container (Runner.CONTAINER), console over the bind-mounted unix socket. */
class ContainerRunnerTest {
    @TempDir
    Path tmp;

    /** Skips (with the reason in the report) unless Docker answers and Testcontainers needs no registry. */
    static void assumeDocker() {
        String p = DockerCheck.problem();
        Assumptions.assumeTrue(p == null, p);
        String tc = DockerCheck.testcontainersProblem();
        Assumptions.assumeTrue(tc == null, tc);
    }

    @Test
    void linuxGuestPassesInsideAContainerAndLeavesNothingBehind() throws Exception {
        assumeDocker();
        var guest = TestGuests.linux();
        RunResult r = new Harness().boot(new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), guest)
                .runner(Runner.CONTAINER).accel(Accel.AUTO).runParent(tmp).vga(false)
                .scenario(ScenarioLoader.parse("""
                        name: container-pass
                        timeout: 30
                        steps:
                          - expect: 'ANTS-GUEST-READY'
                          - expect: 'ants# $'
                          - run: uname -s
                            output: '^Linux$'
                          - run: 'false'
                            status: fail
                          - run: cat /proc/cmdline
                            output: 'console=ttyS0'
                        """, "inline", Path.of("."), Map.of())));
        assertEquals(0, r.exitCode(), r.summary() + "\n" + r.lastConsoleLines());
        assertEquals(5, r.steps().size());
        assertEquals(new Harness().kvmStatus().usable() ? "kvm" : "tcg", r.accel());
        assertFalse(Files.exists(Path.of(r.runDir())), "a passing run's directory is removed");

        // No container of ours remains (removed before the boot returned), no QEMU on the host.
        HostProcess.Result ps = HostProcess.run(List.of("docker", "ps", "-a", "-q", "--filter", "label=dev.ants.run=" + r.runDir()),
                Duration.ofSeconds(20));
        assertTrue(ps.ok(), ps.output());
        assertEquals("", ps.output().trim(), "the run's container is still there");
        assertEquals(0, ProcessReaper.liveCount(), "a QEMU container outlived its run");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(r.runDir())),
                "a QEMU process of this run is still running on the host");
    }

    @Test
    void failingRunAndDeadQemuAlsoRemoveTheirContainers() throws Exception {
        assumeDocker();
        var guest = TestGuests.linux();
        RunResult timedOut = new Harness().boot(request(guest, """
                name: container-timeout
                steps:
                  - expect: 'ANTS-GUEST-READY'
                  - expect: 'this text never appears'
                    timeout: 1
                """));
        assertEquals(1, timedOut.exitCode(), timedOut.summary());
        assertEquals(dev.ants.harness.report.FailureKind.TIMEOUT, timedOut.failureKind());
        assertTrue(Files.readString(Path.of(timedOut.artifacts().get("transcript"))).contains("ANTS-GUEST-READY"));
        assertEquals(List.of(), containersUnder(tmp), "the failed run's container is removed, its files kept");

        RunResult dead = new Harness().boot(request(guest, "steps:\n  - expect: x\n").extraQemuArgs(List.of("-no-such-option")));
        assertEquals(3, dead.exitCode(), dead.summary());
        assertTrue(dead.reason().contains("no-such-option"), "QEMU's own complaint, from the bind-mounted qemu.stderr: " + dead.reason());
        assertEquals(List.of(), containersUnder(tmp));
        assertEquals(0, ProcessReaper.liveCount());
    }

    /** Child JVM for the Ctrl-C test: a container run whose scenario waits forever. */
    public static void main(String[] args) throws Exception {
        var g = dev.ants.harness.qemu.Guest.kernel(Path.of(args[0]), Path.of(args[1]), args[2]);
        new Harness().boot(new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), g).runner(Runner.CONTAINER).accel(Accel.TCG)
                .vga(false).runParent(Path.of(args[3]))
                .scenario(ScenarioLoader.parse("steps:\n  - expect: never-printed\n    timeout: 600\n", "wait", Path.of("."), Map.of())));
    }

    @Test
    void ctrlCRemovesTheContainer() throws Exception {
        assumeDocker();
        var g = TestGuests.linux();
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(javaCmd, "-cp", System.getProperty("java.class.path"), ContainerRunnerTest.class.getName(),
                g.kernel().toString(), g.initrd().toString(), g.append(), tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile()).start();
        try {
            List<String> running = List.of();
            for (int i = 0; i < 300 && running.isEmpty(); i++) {
                Thread.sleep(100);
                running = containersUnder(tmp);
            }
            assertEquals(1, running.size(), "the child started one container: " + Files.readString(tmp.resolve("child.out")));
            Thread.sleep(1500);
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the child exits on SIGINT");
            assertEquals(List.of(), containersUnder(tmp), "the Ctrl-C'd run's container is removed");
        } finally {
            child.destroyForcibly();
            for (String id : containersUnder(tmp)) HostProcess.run(List.of("docker", "rm", "-f", id), Duration.ofSeconds(20));
        }
    }

    private BootRequest request(dev.ants.harness.qemu.Guest g, String yaml) {
        return new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), g).runner(Runner.CONTAINER).accel(Accel.TCG).runParent(tmp)
                .vga(false).scenario(ScenarioLoader.parse(yaml, "inline", Path.of("."), Map.of()));
    }

    /** IDs of containers (running or not) whose run directory lies under {@code parent}. */
    static List<String> containersUnder(Path parent) throws Exception {
        HostProcess.Result r = HostProcess.run(List.of("docker", "ps", "-a", "--filter", "label=dev.ants.run",
                "--format", "{{.ID}} {{.Label \"dev.ants.run\"}}"), Duration.ofSeconds(20));
        assertTrue(r.ok(), r.output());
        return r.output().lines().map(l -> l.split(" ", 2)).filter(f -> f.length == 2 && f[1].startsWith(parent.toString() + "/"))
                .map(f -> f[0]).toList();
    }

    @Test
    void imageTagFollowsTheFilesContents() throws Exception {
        TestGuests.assumeQemu();
        QemuImage.RootFs fs = QemuImage.rootFs("qemu-system-x86_64", "qemu-img");
        assertTrue(fs.files().keySet().stream().anyMatch(p -> p.endsWith("/qemu-system-x86_64")), fs.files().keySet().toString());
        assertTrue(fs.files().keySet().stream().anyMatch(p -> p.contains("ld-linux")), "the dynamic loader is in the image");
        assertTrue(fs.files().keySet().stream().anyMatch(p -> p.endsWith("/bios-256k.bin")), "SeaBIOS is in the image");
        String h = QemuImage.hash(fs);
        assertEquals(h, QemuImage.hash(QemuImage.rootFs("qemu-system-x86_64", "qemu-img")), "same files, same tag");
        Path extra = Files.writeString(tmp.resolve("extra.bin"), "x");
        var more = new java.util.TreeMap<>(fs.files());
        more.put("/usr/share/qemu/extra.bin", extra);
        assertNotEquals(h, QemuImage.hash(new QemuImage.RootFs(more, fs.links())), "a changed file changes the tag");
    }
}
