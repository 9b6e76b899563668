package dev.ants.harness.matrix;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.TestPlan;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.suite.TestCase;
import dev.ants.harness.suite.TestSuite;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.MissingCapability;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One model's share of the matrix, in order: for each suite, the boot steps once and a snapshot, then
 * every case from that snapshot; a case with its own plan9.ini lines or disks, or every case when the
 * bed cannot snapshot, boots fresh and runs the boot steps itself. A case for other models is skipped.
 */
final class ModelRunner {
    /** What one model did, with its wall-clock span (to show models overlapping under --jobs). */
    record ModelResult(String model, String startedAt, String endedAt, double seconds, List<RunResult> runs,
                       List<TestCaseResult> cases) {
    }

    private final TestBed bed;
    private final TestPlan plan;
    private final Progress progress;
    private final List<RunResult> runs = new ArrayList<>();
    private final List<TestCaseResult> cases = new ArrayList<>();

    ModelRunner(TestBed bed, TestPlan plan, Progress progress) {
        this.bed = bed;
        this.plan = plan;
        this.progress = progress;
    }

    ModelResult run(List<TestSuite> suites) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (Progress p = progress.child(bed.name(), suites.size())) {
            int done = 0;
            for (TestSuite s : suites) {
                if (Thread.currentThread().isInterrupted()) break;
                suite(s, p);
                p.advance(++done, s.name());
            }
        }
        if (!plan.keep()) removeEmpty(plan.reportDir().resolve("snapshots").resolve(bed.name()));
        return new ModelResult(bed.name(), stamp(start), stamp(Instant.now()), (System.nanoTime() - t0) / 1e9, runs, cases);
    }

    /** The model's snapshot directory and, when the last model is done, snapshots/ itself. */
    private static void removeEmpty(Path dir) {
        if (delete(dir)) delete(dir.getParent());
    }

    private static boolean delete(Path d) {
        try {
            return java.nio.file.Files.deleteIfExists(d);
        } catch (java.io.IOException e) {
            return false; // not empty: another model still has its snapshots there
        }
    }

    private static String stamp(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private void suite(TestSuite s, Progress parent) {
        try (Progress p = parent.child(s.name(), s.cases().size())) {
            boolean shared = s.boot() != null && bed.capabilities().contains(Capability.SNAPSHOT)
                    && s.cases().stream().anyMatch(c -> !c.bootsFresh());
            Path snapDir = plan.reportDir().resolve("snapshots").resolve(bed.name()).resolve(s.name());
            Harness.SnapshotResult prepared = null;
            if (shared) {
                prepared = bed.prepare(s.boot(), snapDir, p);
                runs.add(prepared.run());
                if (prepared.snapshot() == null) cases.add(bootFailure(s, prepared.run()));
            }
            int done = 0;
            for (TestCase c : s.cases()) {
                if (Thread.currentThread().isInterrupted()) break;
                caseOf(s, c, prepared, p);
                p.advance(++done, c.name());
            }
            if (!plan.keep()) FileTrees.deleteQuietly(snapDir);
        }
    }

    private void caseOf(TestSuite s, TestCase c, Harness.SnapshotResult prepared, Progress p) {
        String test = s.testName(c);
        if (!c.runsOn(bed.name())) {
            cases.add(TestCaseResult.skipped(bed.name(), s.name(), test, "the case is for " + String.join(", ", c.models())
                    + " only (its models: in " + s.source() + ")"));
            return;
        }
        try {
            RunResult r;
            if (c.bootsFresh()) {
                if (!c.plan9ini().isEmpty()) need(Capability.PLAN9INI);
                if (c.disks() > 0) need(Capability.BLANK_DISKS);
                if (c.fresh().fileServer() != null) need(Capability.FILE_SERVER);
                r = bed.run(s.fromPowerOn(c), c.fresh(), p);
            } else if (prepared != null) {
                if (prepared.snapshot() == null) {
                    cases.add(TestCaseResult.skipped(bed.name(), s.name(), test, "the boot steps failed on " + bed.name()
                            + " (see " + s.name() + ".boot)"));
                    return;
                }
                r = bed.resume(prepared.snapshot(), c.scenario(), p);
            } else {
                r = bed.run(s.fromPowerOn(c), TestCase.Fresh.NONE, p);
            }
            runs.add(r);
            cases.addAll(CaseResults.of(s.name(), test, r));
        } catch (MissingCapability e) {
            cases.add(TestCaseResult.skipped(bed.name(), s.name(), test, e.getMessage()));
        } catch (AntsException e) {
            // A case that cannot even start (a file it needs) fails alone; the other cases still run.
            cases.add(new TestCaseResult(bed.name(), s.name(), test, RunStatus.of(e.exitCode()), FailureKind.INFRASTRUCTURE,
                    e.getMessage() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"), 0, List.of(), Map.of()));
        }
    }

    private void need(Capability c) {
        if (!bed.capabilities().contains(c)) throw new MissingCapability(c, bed.describe());
    }

    /** The suite's boot steps failed: one failure, {@code suite.boot}, with the boot's evidence. */
    private TestCaseResult bootFailure(TestSuite s, RunResult r) {
        String msg = "boot steps: " + (r.failedStepLabel() != null ? "step " + r.failedStep() + " (" + r.failedStepLabel() + "): " : "")
                + r.reason();
        return new TestCaseResult(bed.name(), s.name(), s.name() + ".boot", r.status(), r.failureKind(), msg, r.seconds(),
                r.lastConsoleLines(), r.artifacts());
    }
}
