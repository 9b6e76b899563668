package dev.ants.harness.console;

import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** --attach: keys reach the guest, Ctrl-] detaches, and the terminal is sane again before the run prints. */
class AttachTest {
    /** A pseudo-terminal held open by a small process, standing in for the user's terminal. */
    static final class Pty implements AutoCloseable {
        final Process holder;
        final Path slave;

        Pty() throws Exception {
            Assumptions.assumeTrue(dev.ants.harness.testutil.TestGuests.onPath("python3"), "python3 makes the test's pty");
            holder = new ProcessBuilder("python3", "-c",
                    "import os,pty,sys,time\nm,s=pty.openpty()\nprint(os.ttyname(s),flush=True)\ntime.sleep(600)").start();
            slave = Path.of(new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());
        }

        String settings() throws Exception {
            Process p = new ProcessBuilder("stty", "-a").redirectInput(slave.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        }

        boolean raw() throws Exception {
            return settings().contains("-icanon");
        }

        @Override
        public void close() {
            holder.destroyForcibly();
        }
    }

    @Test
    void terminalModeRawAndBack() throws Exception {
        try (Pty pty = new Pty()) {
            assertFalse(pty.raw());
            try (TerminalMode t = TerminalMode.raw(pty.slave)) {
                assertTrue(pty.raw());
                TerminalMode.restoreActive();
                assertFalse(pty.raw(), "restored at once");
            }
            assertFalse(pty.raw());
        }
    }

    @Test
    void detachingRestoresTheTerminalBeforeTheRunsOwnLines(@TempDir Path dir) throws Exception {
        Guest g = TestGuests.linux();
        try (Pty pty = new Pty(); TerminalMode raw = TerminalMode.raw(pty.slave)) {
            List<String> atFinish = new CopyOnWriteArrayList<>();
            HarnessOptions o = new HarnessOptions();
            o.progress = Progress.root(new ProgressSink() {
                @Override public void started(Progress p) { }
                @Override public void advanced(Progress p) { }
                @Override public void note(Progress p, String message) { }
                @Override public void finished(Progress p) {
                    try {
                        if (p.name().startsWith("boot ")) atFinish.add(pty.raw() ? "raw" : "sane");
                    } catch (Exception e) {
                        atFinish.add(e.toString());
                    }
                }
            }, "test");
            PipedOutputStream keys = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(keys);
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            Thread typist = new Thread(() -> {
                try {
                    await(screen, "ants# ");
                    keys.write("echo attached-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
                    await(screen, "attached-42\r\n");
                    keys.write(0x1d); // Ctrl-]
                    keys.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            typist.start();
            RunResult r = new Harness(o).attach(new BootRequest(ModelCatalog.builtIn().get("pc-virtio"), g).accel(Accel.TCG)
                    .vga(false).runParent(dir), in, screen);
            typist.join(5000);
            assertEquals(0, r.exitCode(), r.summary());
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("attached-42"), "the keys reached the guest");
            assertEquals(List.of("sane"), atFinish, "the terminal was restored before the boot's progress line");
            assertFalse(pty.raw());
        }
    }

    private static void await(ByteArrayOutputStream screen, String text) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            synchronized (screen) {
                if (screen.toString(StandardCharsets.UTF_8).contains(text)) return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never saw " + text + " in " + screen);
    }
}
