package dev.ants.harness;

import dev.ants.core.ExitCode;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Harness.test: models x scenarios in parallel, each model booted once and snapshotted, reports written. */
class HarnessTestMatrixTest {
    @Test
    void matrixWithSnapshotsJobsAndReports(@TempDir Path dir) throws Exception {
        var boot = ScenarioLoader.parse("name: boot\nsteps:\n  - expect: ANTS-GUEST-READY\n  - expect: 'ants# $'\n", "boot", dir, Map.of());
        var good = ScenarioLoader.parse("name: kernel-name\nsteps:\n  - run: uname -s\n    output: '^Linux$'\n", "good", dir, Map.of());
        var bad = ScenarioLoader.parse("name: wrong-expectation\nsteps:\n  - run: uname -s\n    output: '^Plan 9$'\n", "bad", dir, Map.of());
        var models = ModelCatalog.builtIn().select("pc-virtio,pc-ide");
        TestReport rep = new Harness().test(new TestRequest("harness-selftest", models, List.of(good, bad), TestGuests.linux(),
                boot, Accel.TCG, 1.0, 2, Shard.ALL, dir.resolve("report"), false));
        assertEquals(4, rep.results().size());
        assertEquals(ExitCode.CHECK_FAILED, rep.exitCode());
        for (RunResult r : rep.results()) {
            assertEquals(r.scenario().equals("kernel-name") ? 0 : 1, r.exitCode(), r.summary());
        }
        RunResult failed = rep.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        assertEquals("ASSERTION", failed.failureKind());
        assertTrue(failed.reason().contains("does not match '^Plan 9$'"), failed.reason());
        String xml = Files.readString(rep.junitXml());
        assertTrue(xml.contains("tests=\"4\"") && xml.contains("failures=\"2\""), xml);
        assertTrue(Files.exists(dir.resolve("report/results/pc-ide__kernel-name.json")));
        assertTrue(Files.readString(rep.summaryJson()).contains("\"exitCode\" : 1"));
        assertFalse(Files.exists(dir.resolve("report/snapshots/pc-ide")), "snapshots are removed after the run");
    }
}
