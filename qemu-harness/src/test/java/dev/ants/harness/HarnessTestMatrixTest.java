package dev.ants.harness;

import dev.ants.core.ExitCode;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        assertEquals(6, rep.results().size(), "a boot per model, then 2 cases each from its snapshot");
        assertEquals(ExitCode.CHECK_FAILED, rep.exitCode());
        for (RunResult r : rep.results()) {
            assertEquals(r.scenario().equals("wrong-expectation") ? 1 : 0, r.exitCode(), r.summary());
        }
        RunResult failed = rep.results().stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        assertEquals(FailureKind.ASSERTION, failed.failureKind());
        assertTrue(failed.reason().contains("does not match '^Plan 9$'"), failed.reason());
        assertEquals(4, rep.cases().size());
        assertEquals(List.of("harness-selftest.kernel-name", "harness-selftest.wrong-expectation"),
                rep.cases().stream().filter(c -> c.model().equals("pc-ide")).map(c -> c.name()).toList());
        assertEquals(2, rep.junitFiles().size());
        for (Path f : rep.junitFiles()) {
            String xml = Files.readString(f);
            assertTrue(xml.contains("tests=\"2\"") && xml.contains("failures=\"1\"") && xml.contains("skipped=\"0\""), xml);
        }
        assertTrue(Files.readString(dir.resolve("report/TEST-pc-ide.xml")).contains("classname=\"pc-ide\""));
        assertTrue(Files.exists(dir.resolve("report/results/pc-ide/kernel-name.json")));
        assertTrue(Files.exists(dir.resolve("report/failures/pc-ide/harness-selftest.wrong-expectation.txt")));
        var summary = dev.ants.core.Json.JSON.readTree(rep.summaryJson().toFile());
        assertEquals(1, summary.get("exitCode").asInt());
        // --jobs 2: the two models ran at the same time
        var m = summary.get("models");
        Instant s0 = Instant.parse(m.get(0).get("startedAt").asText()), e0 = Instant.parse(m.get(0).get("endedAt").asText());
        Instant s1 = Instant.parse(m.get(1).get("startedAt").asText()), e1 = Instant.parse(m.get(1).get("endedAt").asText());
        assertTrue(s0.isBefore(e1) && s1.isBefore(e0), "models overlap: " + m);
        assertFalse(Files.exists(dir.resolve("report/snapshots/pc-ide")), "snapshots are removed after the run");
    }
}
