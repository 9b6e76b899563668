package dev.ants.harness.run;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.harness.BootRequest;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.Snapshot;
import dev.ants.harness.console.TerminalMode;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioOutcome;
import dev.ants.harness.scenario.ScenarioRunner;
import dev.ants.harness.scenario.Step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A boot from request to result: the accelerator (with the KVM-stall rerun), the QEMU run, the scenario
 * (or the console watched, or a terminal attached), and a snapshot when one is asked for. Never throws
 * for guest problems: they are the result's exit code (1 check failed, 3 infrastructure, 130
 * interrupted). Bad input (a missing file) is thrown as AntsException before anything starts.
 */
public final class BootRunner {
    /** A boot's result, and the snapshot it saved (null unless asked for and the boot passed). */
    public record Outcome(RunResult result, Snapshot snapshot) {
    }

    private final HarnessOptions options;
    private final AccelPolicy accel;

    public BootRunner(HarnessOptions options, AccelPolicy accel) {
        this.options = options;
        this.accel = accel;
    }

    /**
     * Boots and runs {@code req}'s scenario; with {@code snapshotDir} saves the machine there as
     * {@code tag} when it passed; with {@code attachIn} feeds the console from it (Ctrl-] detaches).
     */
    public Outcome run(BootRequest req, Path snapshotDir, String tag, InputStream attachIn) {
        req.guest().validate();
        Multiboot.requireBootable(req.model(), req.guest());
        List<String> warnings = new ArrayList<>();
        return accel.run(req.accel(), warnings, (a, detectStall) -> attempt(req, a, warnings, detectStall, snapshotDir, tag, attachIn));
    }

    private AccelPolicy.Try<Outcome> attempt(BootRequest req, Accel a, List<String> warnings, boolean detectStall,
                                             Path snapshotDir, String tag, InputStream attachIn) {
        Scenario scenario = req.scenario();
        Progress parent = req.progress() != null ? req.progress() : options.progress;
        Progress progress = parent.child("boot " + req.model().name() + " (" + a.qemuName() + ")");
        BootRequest r = req.copy().progress(progress);
        Snapshot made = null;
        ScenarioOutcome outcome;
        try (QemuRun run = new QemuRun(options, r, a, warnings)) {
            try {
                boolean vmstate = snapshotDir != null || req.resumeFrom() != null
                        || (scenario != null && scenario.steps().stream().anyMatch(st -> st instanceof Step.Snapshot));
                QemuMachine m = run.open(vmstate);
                if (detectStall && expectsOutputFirst(scenario) && !m.session().awaitFirstOutput(req.stallDeadline())) {
                    run.abandon();
                    return AccelPolicy.Try.stalled("no console output within " + req.stallDeadline().toSeconds() + " s");
                }
                if (attachIn != null) ConsoleWatch.pump(attachIn, m);
                outcome = scenario != null ? new ScenarioRunner(progress).run(scenario, m) : ConsoleWatch.watch(m, req.maxDuration());
                if (detectStall && m.session().bytesReceived() == 0 && outcome.failureKind() == FailureKind.WATCHDOG) {
                    run.abandon();
                    return AccelPolicy.Try.stalled("no console output at all");
                }
                if (outcome.passed() && snapshotDir != null) {
                    made = SnapshotStore.save(m, run.layout(), snapshotDir, tag, req.model().name());
                }
            } catch (AntsException e) {
                outcome = ScenarioOutcome.failure(e.exitCode(), FailureKind.INFRASTRUCTURE,
                        e.getMessage() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
            } catch (IOException e) {
                outcome = ScenarioOutcome.failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE, "I/O error: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = ScenarioOutcome.failure(ExitCode.INTERRUPTED, FailureKind.INTERRUPTED, "interrupted");
            }
            // An attached terminal goes back to normal before the run's own lines print (Ctrl-] restored it already).
            if (attachIn != null) TerminalMode.restoreActive();
            return AccelPolicy.Try.done(new Outcome(run.finish(outcome), made));
        } finally {
            progress.close();
        }
    }

    /** Stall detection only makes sense when the guest is expected to print on its own first. */
    private static boolean expectsOutputFirst(Scenario s) {
        return s == null || (!s.steps().isEmpty() && s.steps().get(0) instanceof Step.Expect);
    }
}
