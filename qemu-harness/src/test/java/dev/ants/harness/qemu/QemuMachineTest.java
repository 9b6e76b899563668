package dev.ants.harness.qemu;

import dev.ants.harness.expect.CommandResult;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.Shell;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.selftest.LinuxTestGuest;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class QemuMachineTest {
    @Test
    void bootsLinuxGuestAndRunsACommand(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        RunLayout layout = RunLayout.in(dir);
        new QemuImg().create(layout.vmstate(), "1G");
        var argv = new QemuCommand().model(ModelCatalog.builtIn().get("pc-virtio")).guest(g).layout(layout).accel(Accel.TCG).argv();
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = 3;
        try (QemuMachine m = QemuMachine.start(argv, layout, o)) {
            m.session().expect(LinuxTestGuest.READY, Duration.ofSeconds(30));
            m.session().expect(LinuxTestGuest.PROMPT, Duration.ofSeconds(10));
            CommandResult r = m.session().run("uname -s; false", Shell.SH, Duration.ofSeconds(10));
            assertEquals("Linux", r.output());
            assertEquals("1", r.status());
            CommandResult ok = m.session().run("echo one\necho two # a comment", Shell.SH, Duration.ofSeconds(10));
            assertEquals("one\ntwo", ok.output());
            assertTrue(ok.success());
        }
        assertEquals(0, ProcessReaper.liveCount());
        assertTrue(Files.readString(layout.transcript()).contains("ANTS-GUEST-READY"));
    }

    /** The qmp step unplugs a SCSI disk for real (the DEVICE_DELETED event arrives) and fails on a bad id. */
    @Test
    void qmpStepUnplugsADiskAndAWrongIdFailsTheCheck(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        RunLayout layout = RunLayout.in(dir);
        new QemuImg().create(layout.vmstate(), "1G");
        Path blank = dir.resolve("blank.img");
        try (var f = java.nio.channels.FileChannel.open(blank, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            f.truncate(0).position(1 << 20).write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        var argv = new QemuCommand().model(ModelCatalog.builtIn().get("pc-scsi")).guest(g).layout(layout).accel(Accel.TCG)
                .extraDisks(java.util.List.of(new QemuCommand.Disk(blank, "raw"))).argv();
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = 3;
        try (QemuMachine m = QemuMachine.start(argv, layout, o)) {
            m.session().expect(LinuxTestGuest.READY, Duration.ofSeconds(30));
            String ret = m.qmp("device_del", java.util.Map.of("id", "ants-disk0"), "DEVICE_DELETED", Duration.ofSeconds(30));
            assertEquals("{}", ret);
            var e = assertThrows(dev.ants.core.AntsException.class,
                    () -> m.qmp("device_del", java.util.Map.of("id", "ants-disk0"), null, Duration.ofSeconds(10)));
            assertEquals(dev.ants.core.ExitCode.CHECK_FAILED, e.exitCode());
            assertTrue(e.getMessage().contains("device_del"), e.getMessage());
        }
        assertEquals(0, ProcessReaper.liveCount());
    }
}
