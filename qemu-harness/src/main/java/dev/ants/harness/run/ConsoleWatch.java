package dev.ants.harness.run;

import dev.ants.core.ExitCode;
import dev.ants.harness.console.TerminalMode;
import dev.ants.harness.expect.ExpectException;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.scenario.ScenarioOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** What a run without a scenario does: watch the console until the guest powers off; feed it a terminal's keys. */
final class ConsoleWatch {
    /** Ctrl-] detaches, as in telnet. */
    static final byte DETACH = 0x1d;

    private ConsoleWatch() {
    }

    /** Waits for the guest to power off, a FATAL pattern, or {@code maxDuration} (null: no limit). */
    static ScenarioOutcome watch(QemuMachine m, Duration maxDuration) throws InterruptedException {
        long end = maxDuration == null ? Long.MAX_VALUE : System.nanoTime() + maxDuration.toNanos();
        try {
            while (m.alive() && System.nanoTime() < end) m.session().hold(Duration.ofMillis(200));
        } catch (ExpectException e) {
            if (e.kind() == ExpectException.Kind.FAILURE_PATTERN) {
                return new ScenarioOutcome(ExitCode.CHECK_FAILED, null, null, FailureKind.FAILURE_PATTERN, e.getMessage(), List.of(),
                        m.session().hits());
            }
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            // console closed: QEMU ended; decided below
        }
        String infra = m.infrastructureProblem();
        if (infra != null) return new ScenarioOutcome(ExitCode.ENVIRONMENT, null, null, FailureKind.INFRASTRUCTURE, infra, List.of(), m.session().hits());
        return new ScenarioOutcome(ExitCode.OK, null, null, null, null, List.of(), m.session().hits());
    }

    /** Terminal input to the console until EOF or Ctrl-], which stops the machine. */
    static void pump(InputStream in, QemuMachine m) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[256];
            try {
                for (int n; (n = in.read(b)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (b[i] == DETACH) {
                            if (i > 0) m.session().send(new String(b, 0, i, StandardCharsets.ISO_8859_1));
                            TerminalMode.restoreActive(); // before anything else prints
                            m.off();
                            return;
                        }
                    }
                    m.session().send(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException ignored) {
                // the machine went away
            }
        }, "ants-attach-input");
        t.setDaemon(true);
        t.start();
    }
}
