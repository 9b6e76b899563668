package dev.ants.harness.run;

import dev.ants.core.progress.Progress;
import dev.ants.harness.BootRequest;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.Runner;
import dev.ants.harness.container.ContainerLauncher;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.host.Firmware;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.DiskFormat;
import dev.ants.harness.qemu.QemuCommand;
import dev.ants.harness.qemu.QemuImg;
import dev.ants.harness.qemu.QemuLauncher;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.qemu.RunLayout;
import dev.ants.harness.report.JsonReport;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One QEMU run from its directory to its result: {@link #open} makes the run directory and its files
 * and starts QEMU; {@link #finish} stops it and keeps the directory (a failure, or --keep) with its
 * artifacts, or removes it. The machine in between is the caller's to drive (a scenario, a terminal,
 * a JUnit test).
 */
public final class QemuRun implements AutoCloseable {
    private final HarnessOptions options;
    private final BootRequest req;
    private final Accel accel;
    private final List<String> warnings;
    private final long t0 = System.nanoTime();
    private final String startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    private RunDirectory dir;
    private QemuMachine machine;
    private List<String> argv;
    private boolean ended;

    public QemuRun(HarnessOptions options, BootRequest req, Accel accel, List<String> warnings) {
        this.options = options;
        this.req = req;
        this.accel = accel;
        this.warnings = warnings;
    }

    /**
     * Creates the run directory, the overlay (or the snapshot's copies), the UEFI variables and, with
     * {@code vmstate}, the disk that holds snapshots; then starts QEMU and connects console and QMP.
     */
    public QemuMachine open(boolean vmstate) throws IOException, InterruptedException {
        dir = RunDirectory.create(req.runParent(), req.model().name());
        RunLayout layout = dir.layout();
        prepareFiles(layout, vmstate);
        argv = command(options, req, accel, layout).vmstateDisk(vmstate).argv();
        machine = QemuMachine.start(argv, layout, sessionOptions(), launcher());
        return machine;
    }

    /** The QEMU command of a request; pure, so --dry-run prints exactly what a run executes. */
    public static QemuCommand command(HarnessOptions options, BootRequest req, Accel accel, RunLayout layout) {
        return new QemuCommand().binary(options.qemuBinary).model(req.model()).guest(req.guest()).accel(accel).layout(layout)
                .firmware(req.model().uefi() ? Firmware.ovmf() : null)
                .vga(req.vga()).network(req.network()).guestForwards(req.guestForwards())
                .loadvm(req.resumeFrom() != null ? req.resumeFrom().tag() : null)
                .diskFormat(req.guest().writeThrough() ? DiskFormat.ofQuietly(req.guest().disk()) : "qcow2")
                .extraArgs(req.extraQemuArgs());
    }

    public QemuMachine machine() {
        return machine;
    }

    public RunLayout layout() {
        return dir.layout();
    }

    public Accel accel() {
        return accel;
    }

    /** qemu-img costs a process each: the VM-state disk only when snapshots are taken. */
    private void prepareFiles(RunLayout layout, boolean vmstate) throws IOException, InterruptedException {
        if (req.resumeFrom() != null) {
            SnapshotStore.restoreInto(req.resumeFrom(), layout, req.model().name());
            return;
        }
        QemuImg img = new QemuImg(options.qemuImgBinary);
        if (req.guest().disk() != null && !req.guest().writeThrough()) img.overlay(req.guest().disk(), layout.diskOverlay());
        if (vmstate) img.create(layout.vmstate(), "4G");
        if (req.model().uefi()) img.convertToQcow2(Firmware.ovmf().varsTemplate(), layout.ovmfVars());
    }

    /** QEMU as a child process, or (Runner.CONTAINER) in a Docker container with /dev/kvm only when KVM is used. */
    private QemuLauncher launcher() {
        Runner r = req.runner() != null ? req.runner() : options.runner;
        return r == Runner.CONTAINER ? new ContainerLauncher(options, req.guest(), accel == Accel.KVM) : QemuLauncher.HOST;
    }

    private ConsoleSession.Options sessionOptions() {
        Scenario s = req.scenario();
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = req.timeoutScale() * (accel == Accel.TCG ? options.tcgTimeoutFactor : 1.0);
        o.failurePatterns = s != null ? s.patterns() : FailurePattern.defaults();
        o.watchdog = s != null ? s.watchdog() : null;
        o.mirror = req.consoleMirror();
        return o;
    }

    /**
     * Ends the run with {@code outcome}: a screendump when it failed, QEMU stopped, the directory kept
     * with its artifacts and result.json (failure or --keep) or removed.
     */
    public RunResult finish(ScenarioOutcome outcome) {
        ended = true;
        boolean failed = !outcome.passed();
        List<String> lastLines = List.of();
        double bootSeconds = -1;
        if (machine != null) {
            lastLines = machine.session().lastLines(25);
            bootSeconds = machine.session().firstOutputSeconds();
            if (failed && machine.alive()) machine.screendump(machine.layout().screendump());
            machine.close();
        }
        boolean keep = dir != null && (failed || req.keep());
        RunResult r = RunResult.builder()
                .model(req.model().name()).scenario(req.label()).guest(req.guest().label())
                .exit(outcome.exitCode()).accel(accel.qemuName()).warnings(List.copyOf(warnings))
                .startedAt(startedAt).seconds((System.nanoTime() - t0) / 1e9).bootSeconds(bootSeconds)
                .failedStep(outcome.failedStep()).failedStepLabel(outcome.failedStepLabel())
                .failureKind(outcome.failureKind()).reason(outcome.reason())
                .lastConsoleLines(failed ? lastLines : null).steps(outcome.steps()).failurePatterns(outcome.failurePatterns())
                .artifacts(keep ? dir.artifacts() : Map.of()).runDir(dir == null ? null : dir.path().toString()).kept(keep)
                .qemuCommand(argv)
                .build();
        if (dir == null) return r;
        if (keep) {
            dir.close();
            Path report = RunLayout.in(dir.path()).report();
            try {
                JsonReport.write(r, report);
            } catch (IOException e) {
                progress().note("warning: cannot write " + report + ": " + e.getMessage());
            }
        } else {
            dir.delete();
        }
        return r;
    }

    /** Throws the run away: QEMU stopped, directory removed (a stalled KVM attempt that is rerun). */
    public void abandon() {
        ended = true;
        if (machine != null) machine.close();
        if (dir != null) dir.delete();
    }

    private Progress progress() {
        return req.progress() != null ? req.progress() : options.progress;
    }

    /** A run never finished (an exception on the way) is thrown away. */
    @Override
    public void close() {
        if (!ended) abandon();
    }
}
