package dev.ants.harness;

import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The harness end to end on a real Linux guest (host kernel + our busybox initramfs) under TCG. */
class HarnessLinuxTest {
    static final String BOOTED = """
            - expect: 'ANTS-GUEST-READY'
            - expect: 'ants# $'
            """;

    @TempDir
    Path tmp;

    static Scenario scenario(String yaml) {
        return ScenarioLoader.parse(yaml, "inline", Path.of("."), Map.of());
    }

    BootRequest request(Guest g, String yaml) {
        return new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), g).accel(Accel.TCG).runParent(tmp).vga(false)
                .scenario(scenario(yaml));
    }

    @AfterEach
    void noQemuOutlivesARun() {
        assertEquals(0, ProcessReaper.liveCount(), "a QEMU process outlived its run");
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").contains("qemu-system")),
                "a qemu-system child is still running");
    }

    @Test
    void passingScenarioExitsZeroAndLeavesNothingBehind() throws Exception {
        RunResult r = new Harness().boot(request(TestGuests.linux(), """
                name: pass
                timeout: 30
                steps:
                """ + indent(BOOTED) + """
                  - run: uname -s
                    output: '^Linux$'
                  - run: 'false'
                    status: fail
                  - run: 'exit_code() { return 7; }; exit_code'
                    status: 7
                  - run: cat /proc/cmdline
                    output: 'console=ttyS0'
                """));
        assertEquals(0, r.exitCode(), r.summary());
        assertEquals(RunStatus.PASSED, r.status());
        assertEquals(6, r.steps().size());
        assertFalse(r.kept());
        assertFalse(Files.exists(Path.of(r.runDir())), "a passing run's directory is removed");
        assertTrue(r.bootSeconds() >= 0);
        assertEquals("tcg", r.accel());
    }

    @Test
    void expectationThatNeverComesFailsAtItsTimeoutWithArtifacts() throws Exception {
        RunResult r = new Harness().boot(request(TestGuests.linux(), """
                name: never
                steps:
                """ + indent(BOOTED) + """
                  - expect: 'this text never appears'
                    timeout: 2
                    name: wait for the impossible
                """));
        assertEquals(1, r.exitCode(), r.summary());
        assertEquals(FailureKind.TIMEOUT, r.failureKind());
        assertEquals(3, r.failedStep());
        assertEquals("wait for the impossible", r.failedStepLabel());
        long ms = r.steps().get(2).millis();
        assertTrue(ms >= 6000 && ms < 20000, "timeout 2 s x TCG factor 3 = 6 s, took " + ms + " ms");
        assertTrue(r.kept());
        for (String a : new String[]{"transcript", "qemu-stderr", "qemu-cmdline", "result"}) {
            assertTrue(Files.exists(Path.of(r.artifacts().get(a))), a + " kept: " + r.artifacts());
        }
        assertTrue(Files.readString(Path.of(r.artifacts().get("transcript"))).contains("ANTS-GUEST-READY"));
        assertTrue(Files.readString(Path.of(r.artifacts().get("qemu-cmdline"))).startsWith("qemu-system-x86_64 -nodefaults"));
        assertTrue(r.lastConsoleLines().stream().anyMatch(l -> l.contains("ants#")), r.lastConsoleLines().toString());
    }

    @Test
    void guestKernelPanicFailsWithinSecondsAndIsNamed() throws Exception {
        RunResult r = new Harness().boot(request(TestGuests.linux(), """
                name: panic
                steps:
                """ + indent(BOOTED) + """
                  - send: "echo c > /proc/sysrq-trigger\\n"
                  - expect: 'this text never appears'
                    timeout: 300
                """));
        assertEquals(1, r.exitCode(), r.summary());
        assertEquals(FailureKind.FAILURE_PATTERN, r.failureKind());
        assertTrue(r.reason().contains("Linux kernel panic"), r.reason());
        assertTrue(r.steps().get(3).millis() < 60_000, "failed at once, not at the 300 s timeout");
        assertTrue(r.failurePatterns().stream().anyMatch(h -> h.line().contains("Kernel panic - not syncing")));
    }

    @Test
    void hungGuestTripsTheWatchdog() throws Exception {
        // The guest's shell sits in a silent sleep: nothing at all on the console, as when a kernel hangs.
        RunResult r = new Harness().boot(request(TestGuests.linux(), """
                name: hang
                watchdog: 2
                steps:
                """ + indent(BOOTED) + """
                  - send: "sleep 1000\\n"
                  - expect: 'this text never appears'
                    timeout: 300
                """));
        assertEquals(1, r.exitCode(), r.summary());
        assertEquals(FailureKind.WATCHDOG, r.failureKind());
        assertTrue(r.reason().contains("no console output"), r.reason());
        assertTrue(r.steps().get(3).millis() < 60_000);
    }

    @Test
    void snapshotResumesTheRunningMachineWithoutBooting() throws Exception {
        Harness h = new Harness();
        BootRequest boot = request(TestGuests.linux(), """
                name: boot-and-mark
                steps:
                """ + indent(BOOTED) + """
                  - run: 'echo marked-before-snapshot > /root/state; cut -d. -f1 /proc/uptime'
                """);
        Harness.SnapshotResult sr = h.prepareSnapshot(boot, tmp.resolve("snap"), "ants-ready");
        assertEquals(0, sr.run().exitCode(), sr.run().summary());
        assertNotNull(sr.snapshot());
        assertTrue(sr.snapshot().files().contains("vmstate.qcow2"));
        for (int i = 0; i < 2; i++) { // the snapshot is reusable: each resume works on a copy
            RunResult r = h.boot(request(TestGuests.linux(), """
                    name: resumed
                    steps:
                      - run: cat /root/state
                        output: '^marked-before-snapshot$'
                      - run: 'echo changed > /root/state'
                    """).resumeFrom(sr.snapshot()).keep(true));
            assertEquals(0, r.exitCode(), r.summary());
            String transcript = Files.readString(Path.of(r.artifacts().get("transcript")));
            assertFalse(transcript.contains("ANTS-GUEST-READY"), "resumed, not booted: " + transcript);
        }
    }

    @Test
    void qemuDeathIsInfrastructureExitThree() throws Exception {
        RunResult r = new Harness().boot(request(TestGuests.linux(), """
                name: bad-qemu
                steps:
                  - expect: x
                """).extraQemuArgs(java.util.List.of("-no-such-option")));
        assertEquals(3, r.exitCode(), r.summary());
        assertEquals(RunStatus.ERROR, r.status());
        assertTrue(r.reason().contains("QEMU did not start"), r.reason());
        assertTrue(r.reason().contains("no-such-option"), r.reason());
    }

    /**
     * A disk another process holds makes QEMU exit after its console socket is up but before its QMP
     * one: the run ends with QEMU's own words, not after the two-minute start timeout.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aQemuThatExitsAtStartIsReportedAtOnce() throws Exception {
        Path disk = tmp.resolve("held.img");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(1 << 20);
            try (java.nio.channels.FileLock held = f.getChannel().lock()) {
                RunResult r = new Harness().boot(request(TestGuests.linux().withExtraDisk(disk, false), """
                        name: held-disk
                        steps:
                          - expect: x
                        """));
                assertEquals(3, r.exitCode(), r.summary());
                assertTrue(r.reason().contains("QEMU did not start") && r.reason().contains("lock"), r.reason());
            }
        }
    }

    @Test
    void autoFallsBackToTcgWhenKvmStalls() throws Exception {
        TestGuests.linux();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/kvm")), "no /dev/kvm to stall on");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/sys/module/kvm_pvm")),
                "KVM here is real, guests do not stall, nothing to fall back from");
        HarnessOptions o = new HarnessOptions();
        // Pretend the probe found usable KVM, so auto picks it and the PVM stall has to be caught at run time.
        o.kvmProbe = new dev.ants.harness.accel.KvmProbe() {
            @Override
            public dev.ants.harness.accel.KvmStatus probe() {
                return new dev.ants.harness.accel.KvmStatus(true, true, false, -1, "pretend");
            }
        };
        RunResult r = new Harness(o).boot(request(TestGuests.linux(), """
                name: fallback
                steps:
                """ + indent(BOOTED)).accel(Accel.AUTO).stallDeadline(java.time.Duration.ofSeconds(6)));
        assertEquals(0, r.exitCode(), r.summary());
        assertEquals("tcg", r.accel());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("stalled under KVM")), r.warnings().toString());
    }

    static String indent(String steps) {
        return steps.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    }
}
