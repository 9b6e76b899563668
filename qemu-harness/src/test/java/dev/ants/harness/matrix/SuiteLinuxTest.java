package dev.ants.harness.matrix;

import dev.ants.core.ExitCode;
import dev.ants.harness.Harness;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A suite end to end on the Linux test guest: boot steps once, a snapshot, cases from it, checks as test cases. */
class SuiteLinuxTest {
    static final String SUITE = """
            name: demo
            timeout: 30
            boot:
              - expect: ANTS-GUEST-READY
              - expect: 'ants# $'
              - run: echo booted-once > /root/mark
            cases:
              - name: checks
                steps:
                  - run: "cat /root/mark; echo 'ok kernel-is-linux'; echo 'some evidence'; echo 'FAIL disk-is-nvme: saw ${disk9} instead'; echo 'skip smp: one cpu'"
                    checks: true
              - name: state
                steps:
                  - run: cat /root/mark
                    output: '^booted-once$'
                  - run: echo changed > /root/mark
              - name: state-again
                steps:
                  - run: cat /root/mark
                    output: '^booted-once$'
              - name: unplug
                steps:
                  - device-del: nic0
                  - sleep: 3
                  - run: ls /sys/class/net
                    output: '^lo$'
            """;

    @Test
    void bootOnceThenEveryCaseFromTheSnapshot(@TempDir Path dir) throws Exception {
        TestPlan plan = TestPlan.builder("demo", dir.resolve("report")).models(List.of(ModelCatalog.builtIn().get("pc-virtio")))
                .guest(TestGuests.linux()).suite(SuiteSource.text(SUITE, "demo.yaml", null, "demo")).accel(Accel.TCG).jobs(1).build();
        TestReport r = new Harness().test(plan);

        assertEquals(5, r.results().size(), "one boot, four cases: " + r.results());
        assertEquals("demo boot steps", r.results().get(0).scenario());
        // state-again sees the boot's mark although state changed it: each case starts from the snapshot, not from the last case
        for (RunResult run : r.results().subList(1, 5)) assertFalse(run.steps().isEmpty(), run.summary());
        List<String> names = r.cases().stream().map(c -> c.name() + " " + c.status().json()).toList();
        assertEquals(List.of("demo.kernel-is-linux passed", "demo.disk-is-nvme failed", "demo.smp skipped",
                "demo.state passed", "demo.state-again passed", "demo.unplug passed"), names);
        TestCaseResult nvme = r.cases().get(1);
        assertEquals("saw sdF0 instead", nvme.message(), "the model's facts are the suite's variables");
        assertTrue(nvme.excerpt().contains("some evidence"), nvme.excerpt().toString());
        assertTrue(nvme.artifacts().containsKey("transcript"), "a failed run keeps its transcript: " + nvme.artifacts());
        assertEquals("one cpu", r.cases().get(2).message());
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
        assertEquals(1, r.count(RunStatus.FAILED));

        String xml = Files.readString(dir.resolve("report/TEST-pc-virtio.xml"));
        assertTrue(xml.contains("<testcase name=\"demo.disk-is-nvme\" classname=\"pc-virtio\""), xml);
        assertTrue(xml.contains("tests=\"6\" failures=\"1\" errors=\"0\" skipped=\"1\""), xml);
        String failure = Files.readString(dir.resolve("report/failures/pc-virtio/demo.disk-is-nvme.txt"));
        assertTrue(failure.contains("pc-virtio › demo.disk-is-nvme: saw sdF0 instead") && failure.contains("transcript: "), failure);
        assertTrue(Files.exists(dir.resolve("report/results/pc-virtio/demo.checks.json")));
        assertFalse(Files.exists(dir.resolve("report/snapshots")), "snapshots are removed after the run");
    }
}
