package dev.ants.harness.matrix;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.Json;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.Snapshot;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.Shard;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.suite.TestCase;
import dev.ants.harness.scenario.Check;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.Step;
import dev.ants.harness.scenario.StepResult;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.target.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The matrix's decisions, on test beds that record what they are asked (no QEMU). */
class MatrixRunnerTest {
    static final String SUITE = """
            name: ns
            boot:
              - expect: 'login'
            cases:
              - name: grammar
                steps:
                  - run: checks
                    checks: true
              - name: plain
                steps:
                  - run: echo plain
              - name: ask
                plan9ini: [sysname=ask]
                steps:
                  - expect: 'sysname'
            """;

    /** Answers every run with a pass; a checks step reports "ok a", "FAIL b: why", "skip c: why". */
    static final class FakeBed implements TestBed {
        final String name;
        final Set<Capability> caps;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        boolean bootFails;

        FakeBed(String name, Set<Capability> caps) {
            this.name = name;
            this.caps = caps;
        }

        @Override public String name() { return name; }
        @Override public Set<Capability> capabilities() { return caps; }

        @Override
        public RunResult run(Scenario s, TestCase.Fresh fresh, Progress parent) {
            calls.add("run " + s.name() + " " + s.steps().size() + " steps" + (fresh.plan9ini().isEmpty() ? "" : " " + fresh.plan9ini())
                    + (fresh.disks() == 0 ? "" : " " + fresh.disks() + " disks"));
            return result(s);
        }

        @Override
        public Harness.SnapshotResult prepare(Scenario boot, Path dir, Progress parent) {
            calls.add("prepare " + boot.name());
            sleep();
            RunResult r = RunResult.builder().model(name).scenario(boot.name())
                    .exit(bootFails ? ExitCode.CHECK_FAILED : ExitCode.OK).reason(bootFails ? "no login prompt" : null).build();
            return new Harness.SnapshotResult(r, bootFails ? null : new Snapshot(dir, "t", name, List.of()));
        }

        @Override
        public RunResult resume(Snapshot snapshot, Scenario s, Progress parent) {
            calls.add("resume " + s.name() + " " + s.steps().size() + " steps");
            return result(s);
        }

        private RunResult result(Scenario s) {
            sleep();
            boolean checks = s.steps().stream().anyMatch(st -> st instanceof Step.Run r && r.checks());
            List<StepResult> steps = checks
                    ? List.of(new StepResult(1, "checks", StepResult.Status.PASSED, 1, null, Check.parse("ok a\nFAIL b: why\nskip c: later\n")))
                    : List.of();
            return RunResult.builder().model(name).scenario(s.name()).steps(steps)
                    .exit(checks ? ExitCode.CHECK_FAILED : ExitCode.OK)
                    .failureKind(checks ? dev.ants.harness.report.FailureKind.CHECKS : null).build();
        }

        private static void sleep() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static TestPlan.Builder plan(Path dir, String... models) throws Exception {
        Path kernel = Files.writeString(Files.createDirectories(dir).resolve("kernel"), "not a real kernel");
        List<HardwareModel> ms = new ArrayList<>();
        for (String m : models) ms.add(ModelCatalog.builtIn().get(m));
        return TestPlan.builder("t", dir.resolve("report")).models(ms).guest(Guest.kernel(kernel, null, null))
                .suite(SuiteSource.text(SUITE, "ns.yaml", null, "ns")).jobs(1);
    }

    static List<String> names(TestReport r, RunStatus s) {
        return r.cases().stream().filter(c -> c.status() == s).map(c -> c.model() + " " + c.name()).sorted().toList();
    }

    @Test
    void bootOnceSnapshotThenEachCaseFromItAndPlan9iniCasesFresh(@TempDir Path dir) throws Exception {
        FakeBed bed = new FakeBed("pc-virtio", EnumSet.allOf(Capability.class));
        TestReport r = new MatrixRunner(m -> bed, Progress.SILENT).run(plan(dir, "pc-virtio").build());
        assertEquals(List.of("prepare ns boot steps", "resume ns.grammar 1 steps", "resume ns.plain 1 steps",
                "run ns.ask 2 steps [sysname=ask]"), bed.calls);
        assertEquals(List.of("pc-virtio ns.a", "pc-virtio ns.ask", "pc-virtio ns.plain"), names(r, RunStatus.PASSED));
        assertEquals(List.of("pc-virtio ns.b"), names(r, RunStatus.FAILED));
        assertEquals(List.of("pc-virtio ns.c"), names(r, RunStatus.SKIPPED));
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
        TestCaseResult b = r.cases().stream().filter(c -> c.name().equals("ns.b")).findFirst().orElseThrow();
        assertEquals("why", b.message());
        assertTrue(Files.exists(dir.resolve("report/failures/pc-virtio/ns.b.txt")));
        assertTrue(Files.readString(dir.resolve("report/TEST-pc-virtio.xml")).contains("<skipped message=\"later\""));
    }

    @Test
    void aBedWithoutSnapshotsBootsEveryCaseAndSkipsWhatItCannot(@TempDir Path dir) throws Exception {
        FakeBed bed = new FakeBed("pc-ide", EnumSet.noneOf(Capability.class)); // like a real machine
        TestReport r = new MatrixRunner(m -> bed, Progress.SILENT).run(plan(dir, "pc-ide").build());
        assertEquals(List.of("run ns.grammar 2 steps", "run ns.plain 2 steps"), bed.calls, "boot steps run by each case");
        TestCaseResult ask = r.cases().stream().filter(c -> c.name().equals("ns.ask")).findFirst().orElseThrow();
        assertEquals(RunStatus.SKIPPED, ask.status());
        assertTrue(ask.message().contains("cannot boot with extra plan9.ini lines"), ask.message());
    }

    static final String DISKS = """
            name: roots
            cases:
              - name: on-disks
                disks: 2
                models: [pc-scsi]
                steps:
                  - run: ls /dev
              - name: anywhere
                disks: 1
                steps:
                  - run: ls /dev
            """;

    @Test
    void aCaseWithDisksBootsFreshWithThemOnItsModelsAndIsSkippedElsewhereSayingWhy(@TempDir Path dir) throws Exception {
        FakeBed scsi = new FakeBed("pc-scsi", EnumSet.allOf(Capability.class));
        FakeBed virtio = new FakeBed("pc-virtio", EnumSet.allOf(Capability.class));
        TestPlan p = plan(dir, "pc-scsi", "pc-virtio").suite(SuiteSource.text(DISKS, "roots.yaml", null, "roots")).build();
        TestReport r = new MatrixRunner(m -> m.name().equals("pc-scsi") ? scsi : virtio, Progress.SILENT).run(p);
        assertTrue(scsi.calls.containsAll(List.of("run roots.on-disks 1 steps 2 disks", "run roots.anywhere 1 steps 1 disks")), scsi.calls.toString());
        assertFalse(virtio.calls.stream().anyMatch(c -> c.contains("on-disks")), virtio.calls.toString());
        TestCaseResult skipped = r.cases().stream().filter(c -> c.model().equals("pc-virtio") && c.name().equals("roots.on-disks"))
                .findFirst().orElseThrow();
        assertEquals(RunStatus.SKIPPED, skipped.status());
        assertTrue(skipped.message().contains("for pc-scsi only"), skipped.message());

        FakeBed machine = new FakeBed("pc-scsi", EnumSet.noneOf(Capability.class)); // a real machine has its own disks
        TestReport m = new MatrixRunner(x -> machine, Progress.SILENT)
                .run(plan(dir.resolve("m"), "pc-scsi").suite(SuiteSource.text(DISKS, "roots.yaml", null, "roots")).build());
        assertTrue(m.cases().stream().filter(c -> c.name().startsWith("roots."))
                .allMatch(c -> c.status() == RunStatus.SKIPPED && c.message().contains("blank scratch disks")), m.cases().toString());
    }

    @Test
    void failedBootStepsFailOnceAndSkipTheCasesThatNeedThem(@TempDir Path dir) throws Exception {
        FakeBed bed = new FakeBed("pc-virtio", EnumSet.allOf(Capability.class));
        bed.bootFails = true;
        TestReport r = new MatrixRunner(m -> bed, Progress.SILENT).run(plan(dir, "pc-virtio").build());
        assertEquals(List.of("pc-virtio ns.boot"), names(r, RunStatus.FAILED));
        assertEquals(List.of("pc-virtio ns.grammar", "pc-virtio ns.plain"), names(r, RunStatus.SKIPPED));
        assertEquals(List.of("pc-virtio ns.ask"), names(r, RunStatus.PASSED), "a fresh-boot case does not need the snapshot");
        assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    }

    @Test
    void skippedModelsAreReportedAndNothingRunningExitsThreeSayingWhy(@TempDir Path dir) throws Exception {
        FakeBed bed = new FakeBed("x", EnumSet.allOf(Capability.class));
        TestPlan p = plan(dir).skip(ModelCatalog.builtIn().get("q35-uefi"), "OVMF cannot load a multiboot kernel").build();
        TestReport r = new MatrixRunner(m -> bed, Progress.SILENT).run(p);
        assertEquals(List.of("q35-uefi ns.ask", "q35-uefi ns.grammar", "q35-uefi ns.plain"), names(r, RunStatus.SKIPPED));
        assertEquals(ExitCode.ENVIRONMENT, r.exitCode());
        assertTrue(r.why().contains("everything was skipped: q35-uefi: OVMF cannot load a multiboot kernel"), r.why());
        assertTrue(bed.calls.isEmpty());
        var summary = Json.JSON.readTree(r.summaryJson().toFile());
        assertEquals(3, summary.get("exitCode").asInt());
        assertEquals(3, summary.get("skipped").asInt());
        String xml = Files.readString(dir.resolve("report/TEST-q35-uefi.xml"));
        assertTrue(xml.contains("skipped=\"3\"") && xml.contains("<skipped message=\"OVMF cannot load a multiboot kernel\""), xml);
    }

    @Test
    void shardsSplitTheModelSuiteMatrixExactlyOnce(@TempDir Path dir) throws Exception {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 3; k++) {
            FakeBed bed = new FakeBed("b", EnumSet.allOf(Capability.class));
            TestPlan p = plan(dir.resolve("k" + k), "pc-virtio", "pc-ide", "q35-ahci").shard(Shard.parse(k + "/3")).build();
            List<String> ran = new ArrayList<>();
            TestReport r = new MatrixRunner(m -> { ran.add(m.name()); return bed; }, Progress.SILENT).run(p);
            assertEquals(1, ran.size(), "3 models x 1 suite over 3 shards: one pair each");
            seen.addAll(ran);
            total += (int) r.cases().stream().map(TestCaseResult::model).distinct().count();
        }
        assertEquals(Set.of("pc-virtio", "pc-ide", "q35-ahci"), seen);
        assertEquals(3, total);
        TestReport empty = new MatrixRunner(m -> new FakeBed("b", Set.of()), Progress.SILENT)
                .run(plan(dir.resolve("k9"), "pc-virtio").shard(Shard.parse("2/2")).build());
        assertEquals(ExitCode.ENVIRONMENT, empty.exitCode());
        assertTrue(empty.why().contains("shard 2/2 holds none of the 1 model x suite pairs"), empty.why());
    }

    @Test
    void modelsRunInParallelUpToJobs(@TempDir Path dir) throws Exception {
        TestPlan p = plan(dir, "pc-virtio", "pc-ide").jobs(2).build();
        TestReport r = new MatrixRunner(m -> new FakeBed(m.name(), EnumSet.allOf(Capability.class)), Progress.SILENT).run(p);
        var models = Json.JSON.readTree(r.summaryJson().toFile()).get("models");
        Instant s0 = Instant.parse(models.get(0).get("startedAt").asText()), e0 = Instant.parse(models.get(0).get("endedAt").asText());
        Instant s1 = Instant.parse(models.get(1).get("startedAt").asText()), e1 = Instant.parse(models.get(1).get("endedAt").asText());
        assertTrue(s0.isBefore(e1) && s1.isBefore(e0), "the two models overlap: " + models);
    }

    @Test
    void aPlanThatCannotRunIsBadInput(@TempDir Path dir) throws Exception {
        var e = assertThrows(AntsException.class, () -> plan(dir, "pc-ide", "pc-ide").build());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("named twice"), e.getMessage());
        assertThrows(AntsException.class, () -> plan(dir.resolve("b")).build(), "no models");
        assertThrows(AntsException.class, () -> plan(dir.resolve("c"), "pc-ide").jobs(0).build());
        TestPlan bad = plan(dir.resolve("d"), "pc-ide").suite(SuiteSource.text("name: ns\nsteps:\n  - expect: x\n", "x", null, "x")).build();
        var dup = assertThrows(AntsException.class, () -> new MatrixRunner(m -> new FakeBed("b", Set.of()), Progress.SILENT).run(bad));
        assertTrue(dup.getMessage().contains("two suites are named ns"), dup.getMessage());
        TestPlan undefined = TestPlan.builder("t", dir.resolve("e")).models(List.of(ModelCatalog.builtIn().get("pc-ide")))
                .guest(Guest.kernel(dir.resolve("d/kernel"), null, null))
                .suite(SuiteSource.text("name: v\nsteps:\n  - run: echo ${nope}\n", "v", null, "v")).build();
        var var = assertThrows(AntsException.class, () -> new MatrixRunner(m -> new FakeBed("b", Set.of()), Progress.SILENT).run(undefined));
        assertTrue(var.getMessage().contains("${nope} is not defined"), var.getMessage());
        assertFalse(Files.exists(dir.resolve("e")), "nothing written");
    }

    @Test
    void plan9iniLinesAreAddedToTheGuestsOwnFile(@TempDir Path dir) throws Exception {
        Path ini = Files.writeString(dir.resolve("plan9.ini"), "console=0\n*acpi=0\n");
        Path kernel = Files.writeString(dir.resolve("k"), "k");
        TestPlan p = TestPlan.builder("t", dir.resolve("r")).models(List.of(ModelCatalog.builtIn().get("pc-ide")))
                .guest(Guest.kernel(kernel, null, null).withPlan9ini(ini)).suite(SuiteSource.text(SUITE, "s", null, "s")).build();
        QemuBed bed = new QemuBed(new Harness(), ModelCatalog.builtIn().get("pc-ide"), p);
        assertTrue(bed.capabilities().contains(Capability.PLAN9INI));
        Guest g = bed.withLines(List.of("sysname=ask"), "ns.ask");
        assertEquals(List.of("console=0", "*acpi=0", "sysname=ask"), Files.readAllLines(g.plan9ini()));
        assertEquals(kernel, g.kernel());
        TestPlan image = TestPlan.builder("t", dir.resolve("r")).models(List.of(ModelCatalog.builtIn().get("pc-ide")))
                .guest(Guest.disk(kernel)).suite(SuiteSource.text(SUITE, "s", null, "s")).build();
        assertFalse(new QemuBed(new Harness(), ModelCatalog.builtIn().get("pc-ide"), image).capabilities().contains(Capability.PLAN9INI),
                "a disk image's plan9.ini is inside the image");
    }

    /** A read-only suite disk on IDE is a throw-away overlay no second QEMU could resume: no snapshots there. */
    @Test
    void aReadOnlyDiskOnIdeMeansEveryCaseBootsFromPowerOn(@TempDir Path dir) throws Exception {
        Path img = Files.writeString(dir.resolve("a.img"), "i");
        Path suites = Files.writeString(dir.resolve("suites.img"), "s");
        for (String model : List.of("pc-ide", "q35-ahci", "pc-virtio")) {
            TestPlan p = TestPlan.builder("t", dir.resolve("r")).models(List.of(ModelCatalog.builtIn().get(model)))
                    .guest(Guest.disk(img).withExtraDisk(suites, true)).suite(SuiteSource.text(SUITE, "s", null, "s")).build();
            boolean snapshots = new QemuBed(new Harness(), ModelCatalog.builtIn().get(model), p).capabilities().contains(Capability.SNAPSHOT);
            assertEquals(model.equals("pc-virtio"), snapshots, model);
        }
    }
}
