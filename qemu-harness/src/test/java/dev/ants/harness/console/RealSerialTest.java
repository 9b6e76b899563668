package dev.ants.harness.console;

import dev.ants.harness.expect.CommandResult;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.Shell;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.scenario.StepResult;
import dev.ants.harness.target.CommandPower;
import dev.ants.harness.target.HardwareTarget;
import dev.ants.harness.target.PowerProtocol;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The real-hardware consoles: a serial port (QEMU's -serial pty is a real tty) and a TCP serial server. */
class RealSerialTest {
    @Test
    void serialPortConsoleDrivesAGuestOnAPty(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        List<String> argv = new ArrayList<>(List.of("qemu-system-x86_64", "-nodefaults", "-display", "none", "-accel", "tcg",
                "-m", "512", "-chardev", "pty,id=ser0", "-serial", "chardev:ser0",
                "-kernel", g.kernel().toString(), "-initrd", g.initrd().toString(), "-append", g.append()));
        Path log = dir.resolve("qemu.out");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ProcessReaper.register(p);
        try {
            String pty = waitForPty(log, p);
            ConsoleSession.Options o = new ConsoleSession.Options();
            o.timeoutScale = 3;
            try (ConsoleSession s = new ConsoleSession(new SerialPortConsole(pty, 115200), dir.resolve("console.log"), o)) {
                // Output before we opened the pty may be lost (QEMU drops it), so ask for a fresh prompt.
                s.expect("ANTS-GUEST-READY|ants# ", Duration.ofSeconds(40));
                s.send("\n");
                s.expect("ants# $", Duration.ofSeconds(10));
                CommandResult r = s.run("cat /sys/class/tty/ttyS0/type; uname -s", Shell.SH, Duration.ofSeconds(20));
                assertTrue(r.success());
                assertTrue(r.output().endsWith("Linux"), r.output());
            }
        } finally {
            ProcessReaper.kill(p, 500);
        }
    }

    private static String waitForPty(Path log, Process p) throws Exception {
        Pattern pty = Pattern.compile("char device redirected to (/dev/pts/\\d+)");
        for (int i = 0; i < 500 && p.isAlive(); i++) {
            Matcher m = pty.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return m.group(1);
            Thread.sleep(10);
        }
        fail("QEMU did not report its pty: " + Files.readString(log));
        return null;
    }

    @Test
    void tcpConsoleTalksToASerialServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket c = server.accept(); InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                    out.write("login: ".getBytes());
                    out.flush();
                    byte[] b = new byte[64];
                    int n = in.read(b);
                    out.write(("welcome " + new String(b, 0, n).trim() + "\r\n$ ").getBytes());
                    out.flush();
                    in.read(b);
                } catch (IOException ignored) {
                    // test ends
                }
            });
            t.start();
            ConsoleSession.Options o = new ConsoleSession.Options();
            o.echoTimeout = Duration.ofMillis(50);
            try (ConsoleSession s = new ConsoleSession(new TcpConsole("127.0.0.1", server.getLocalPort(), 2000), null, o)) {
                s.expect("login: $", Duration.ofSeconds(5));
                s.sendPaced("glenda\n");
                assertEquals("glenda", s.expect("welcome (\\w+)\\r\\n\\$ $", Duration.ofSeconds(5)).group(1));
            }
            t.join(5000);
        }
    }

    @Test
    void scenarioRunsOnAHardwareTargetAndSkipsWhatItCannotDo(@TempDir Path dir) throws Exception {
        dev.ants.harness.testutil.FakeConsole c = new dev.ants.harness.testutil.FakeConsole();
        Path state = dir.resolve("power");
        PowerProtocol pc = new CommandPower("echo on >> " + state, "echo off >> " + state, null, Duration.ofMillis(1));
        var scen = dev.ants.harness.scenario.ScenarioLoader.parse("""
                steps:
                  - expect: 'login: $'
                  - reboot: true
                  - expect: 'login: $'
                  - snapshot: x
                  - device-del: nic0
                  - restore: x
                  - send: "root\n"
                    echo: false
                """, "hw", dir, java.util.Map.of());
        try (ConsoleSession s = new ConsoleSession(c, null, new ConsoleSession.Options())) {
            c.emit("login: ");
            new Thread(() -> {
                try {
                    for (int i = 0; i < 200 && !Files.exists(state); i++) Thread.sleep(10);
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    return;
                }
                c.emit("\r\nbooting\r\nlogin: ");
            }).start();
            var out = new dev.ants.harness.scenario.ScenarioRunner(null).run(scen, new HardwareTarget("lab-pc", s, pc));
            assertTrue(out.passed(), out.reason());
            var steps = out.steps();
            for (int i : new int[]{3, 4, 5}) {
                assertEquals(StepResult.Status.SKIPPED, steps.get(i).status(), steps.get(i).toString());
                assertTrue(steps.get(i).detail().startsWith("the real machine lab-pc cannot "), steps.get(i).detail());
            }
            assertTrue(steps.get(3).detail().contains("snapshot"), steps.get(3).detail());
            assertTrue(steps.get(4).detail().contains("device-del"), steps.get(4).detail());
            assertEquals(StepResult.Status.PASSED, steps.get(6).status(), "the run went on after the skipped steps");
            assertEquals(List.of("off", "on"), Files.readAllLines(state));
        }
    }

    @Test
    void commandPowerControlRunsTheLabsCommands(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("power");
        PowerProtocol pc = new CommandPower("echo on >> " + state, "echo off >> " + state, null, Duration.ofMillis(10));
        pc.on();
        pc.cycle();
        assertEquals(List.of("on", "off", "on"), Files.readAllLines(state));
        PowerProtocol broken = new CommandPower("exit 4", "true", null, null);
        var e = assertThrows(dev.ants.core.AntsException.class, broken::on);
        assertTrue(e.getMessage().contains("status 4"), e.getMessage());
    }
}
