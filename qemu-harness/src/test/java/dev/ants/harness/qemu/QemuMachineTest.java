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
}
