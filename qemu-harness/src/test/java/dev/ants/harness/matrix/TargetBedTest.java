package dev.ants.harness.matrix;

import dev.ants.core.progress.Progress;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.target.HardwareTarget;
import dev.ants.harness.target.PowerProtocol;
import dev.ants.harness.testutil.FakeConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A suite on a real machine's driver (a fake console and power here): each case from power-on, the rest skipped. */
class TargetBedTest {
    @Test
    void everyCasePowerCyclesAndWhatTheMachineCannotDoIsSkipped(@TempDir Path dir) throws Exception {
        FakeConsole console = new FakeConsole();
        console.echo = true;
        AtomicInteger cycles = new AtomicInteger();
        PowerProtocol power = new PowerProtocol() {
            @Override public void on() { console.emit("\r\nbootargs is (tcp, local!device)[local!/dev/sdE0/fs] "); }
            @Override public void off() { }
            @Override public void cycle() { cycles.incrementAndGet(); on(); }
        };
        String suite = """
                name: hw
                timeout: 5
                watchdog: 0
                boot:
                  - expect: 'bootargs is'
                cases:
                  - name: one
                    steps:
                      - send: "hello\\n"
                      - expect: hello
                  - name: two
                    steps:
                      - snapshot: x
                      - send: "there\\n"
                      - expect: there
                  - name: ask
                    plan9ini: [sysname=ask]
                    steps:
                      - expect: x
                """;
        Path kernel = Files.writeString(dir.resolve("k"), "k");
        TestPlan plan = TestPlan.builder("hw", dir.resolve("report")).models(List.of(ModelCatalog.builtIn().get("q35-ahci")))
                .guest(Guest.kernel(kernel, null, null)).suite(SuiteSource.text(suite, "hw.yaml", null, "hw")).jobs(1).build();
        try (ConsoleSession session = new ConsoleSession(console, null, new ConsoleSession.Options())) {
            HardwareTarget pc = new HardwareTarget("lab-pc-3", session, power);
            TestReport r = new MatrixRunner(m -> new TargetBed(m.name(), pc), Progress.SILENT).run(plan);
            assertEquals(2, cycles.get(), "one power cycle per case that runs");
            assertEquals(List.of("hw.one passed", "hw.two passed", "hw.ask skipped"),
                    r.cases().stream().map(c -> c.name() + " " + c.status().json()).toList());
            assertTrue(r.cases().get(2).message().contains("the real machine lab-pc-3 cannot boot with extra plan9.ini lines"),
                    r.cases().get(2).message());
            assertEquals(dev.ants.harness.scenario.StepResult.Status.SKIPPED, r.results().get(1).steps().get(1).status(), "the snapshot step: " + r.results().get(1).steps());
            assertTrue(r.results().get(1).steps().get(1).detail().contains("cannot save and restore its running state"));
            assertEquals(0, r.exitCode().code);
        }
    }
}
