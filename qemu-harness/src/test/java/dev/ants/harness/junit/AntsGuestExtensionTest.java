package dev.ants.harness.junit;

import dev.ants.harness.expect.CommandResult;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.Shell;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.Target;
import dev.ants.harness.testutil.LinuxGuestSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The extension as a user writes it: one booted Linux guest for the class, each test from its snapshot. */
@AntsGuest(model = "pc-virtio", guest = LinuxGuestSource.class, ready = {"ANTS-GUEST-READY", "ants# $"}, accel = "tcg")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AntsGuestExtensionTest {
    static final Duration T = Duration.ofSeconds(30);

    @Test
    @Order(1)
    void aTestGetsTheConsoleOfABootedGuest(ConsoleSession console) throws Exception {
        CommandResult r = console.run("uname -s; echo left-by-test-1 > /root/state", Shell.SH, T);
        assertEquals("Linux", r.output());
        assertTrue(r.success());
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheSnapshotNotFromWhereTheLastLeft(ConsoleSession console) throws Exception {
        CommandResult r = console.run("cat /root/state", Shell.SH, T);
        assertFalse(r.success(), "test 1's file is gone: " + r.output());
    }

    @Test
    @Order(3)
    void theTargetIsThereToo(Target target) throws Exception {
        assertTrue(target.can(Capability.SNAPSHOT));
        target.cycle(); // a hard reset; the next test still starts from the snapshot
    }

    @Test
    @Order(4)
    void afterAResetTheSnapshotStillHolds(ConsoleSession console) throws Exception {
        assertEquals("up", console.run("echo up", Shell.SH, T).output());
    }

    @AfterAll
    static void noMachineLeft() {
        // the class's machine is closed after this method, by the extension's afterAll
        assertTrue(ProcessReaper.liveCount() <= 1);
    }
}
