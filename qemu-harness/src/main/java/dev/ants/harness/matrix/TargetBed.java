package dev.ants.harness.matrix;

import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.Snapshot;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioOutcome;
import dev.ants.harness.scenario.ScenarioRunner;
import dev.ants.harness.target.Capability;
import dev.ants.harness.target.MissingCapability;
import dev.ants.harness.target.Target;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.ants.harness.suite.TestCase;
import java.util.List;
import java.util.Set;

/**
 * A test bed on any {@link Target}, e.g. a real PC behind its serial console and power commands
 * ({@code target.HardwareTarget}): every case power-cycles the machine and runs its steps from power-on.
 * Whatever the target cannot do (snapshots, plan9.ini lines) its cases skip, with the reason. A
 * {@code --target FILE} reader only has to build the Target.
 */
public final class TargetBed implements TestBed {
    private final String name;
    private final Target target;

    public TargetBed(String name, Target target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return target.describe();
    }

    /** The target's own capabilities; PLAN9INI and SNAPSHOT at the suite level need a driver that can do them. */
    @Override
    public Set<Capability> capabilities() {
        return target.capabilities();
    }

    @Override
    public RunResult run(Scenario s, TestCase.Fresh fresh, Progress parent) {
        if (!fresh.plan9ini().isEmpty()) throw new MissingCapability(Capability.PLAN9INI, target.describe());
        if (fresh.disks() > 0) throw new MissingCapability(Capability.BLANK_DISKS, target.describe());
        if (fresh.fileServer() != null) throw new MissingCapability(Capability.FILE_SERVER, target.describe());
        String started = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        long t0 = System.nanoTime();
        ScenarioRunner.arm(s, target.session());
        ScenarioOutcome o;
        try (Progress p = parent.child("power-cycle " + name)) {
            target.session().skipToEnd();
            target.cycle();
            o = new ScenarioRunner(p).run(s, target);
        } catch (IOException e) {
            String infra = target.infrastructureProblem();
            o = ScenarioOutcome.failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE,
                    "power cycle of " + name + " failed: " + (infra != null ? infra : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            o = ScenarioOutcome.failure(ExitCode.INTERRUPTED, FailureKind.INTERRUPTED, "interrupted");
        }
        return RunResult.builder().model(name).scenario(s.name()).guest(target.describe()).exit(o.exitCode())
                .startedAt(started).seconds((System.nanoTime() - t0) / 1e9).failedStep(o.failedStep())
                .failedStepLabel(o.failedStepLabel()).failureKind(o.failureKind()).reason(o.reason()).steps(o.steps())
                .failurePatterns(o.failurePatterns()).lastConsoleLines(o.passed() ? null : target.session().lastLines(25)).build();
    }

    @Override
    public Harness.SnapshotResult prepare(Scenario boot, Path dir, Progress parent) {
        throw new MissingCapability(Capability.SNAPSHOT, target.describe());
    }

    @Override
    public RunResult resume(Snapshot snapshot, Scenario s, Progress parent) {
        throw new MissingCapability(Capability.SNAPSHOT, target.describe());
    }
}
