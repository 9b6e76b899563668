package dev.ants.harness;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.accel.KvmStatus;
import dev.ants.harness.matrix.MatrixRunner;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.qemu.QemuPids;
import dev.ants.harness.qemu.RunLayout;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.run.AccelPolicy;
import dev.ants.harness.run.BootRunner;
import dev.ants.harness.run.QemuRun;
import dev.ants.harness.scenario.ScenarioOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness's front door: boot a guest on a hardware model and run a scenario on its console
 * ({@link #boot}), connect a terminal ({@link #attach}), snapshot a booted machine
 * ({@link #prepareSnapshot}), keep a machine running for a caller ({@link #start}), print the QEMU
 * command line ({@link #dryRun}), or run suites across models ({@link MatrixRunner}, {@link #test}).
 * The work is done by the pieces in {@code run} (directories, accelerator, snapshots, one boot) and
 * {@code matrix} (models x suites, reports).
 */
public final class Harness {
    private static final AtomicBoolean REAPED = new AtomicBoolean();

    private final HarnessOptions options;
    private final AccelPolicy accel;
    private final BootRunner boots;

    public Harness(HarnessOptions options) {
        this.options = options;
        this.accel = new AccelPolicy(options.kvmProbe, options.progress);
        this.boots = new BootRunner(options, accel);
        // Once per JVM: QEMUs left by a killed ants run (when their parent-death signal could not fire).
        if (REAPED.compareAndSet(false, true)) QemuPids.reapOrphans().forEach(m -> options.progress.note(m));
    }

    public Harness() {
        this(new HarnessOptions());
    }

    public HarnessOptions options() {
        return options;
    }

    /** The QEMU argv a boot would run (paths inside a placeholder run directory "RUNDIR"); nothing is started. */
    public List<String> dryRun(BootRequest req) {
        req.guest().validate();
        Multiboot.requireBootable(req.model(), req.guest());
        Accel a = accel.resolve(req.accel(), new ArrayList<>());
        return QemuRun.command(options, req, a, RunLayout.in(Path.of("RUNDIR"))).argv();
    }

    /**
     * Boots and runs the request's scenario (or watches the console until the guest powers off). Never
     * throws for guest problems: the result's exit code is 0 (pass), 1 (a step failed, timed out, a
     * failure pattern, the watchdog), 3 (infrastructure: QEMU died, missing binary) or 130 (interrupted).
     * Bad input (a missing file) is thrown as AntsException before anything starts.
     */
    public RunResult boot(BootRequest req) {
        return boots.run(req, null, null, null).result();
    }

    /**
     * Boots with the terminal connected to the serial console: bytes from {@code in} go to the guest, the
     * console goes to {@code out}. Ctrl-] (0x1d) detaches and stops the machine. The caller puts the
     * terminal in raw mode (see {@link dev.ants.harness.console.TerminalMode}).
     */
    public RunResult attach(BootRequest req, InputStream in, OutputStream out) {
        return boots.run(req.copy().consoleMirror(out), null, null, in).result();
    }

    /** The result of {@link #prepareSnapshot}: the boot's result and, when it passed, the snapshot. */
    public record SnapshotResult(RunResult run, Snapshot snapshot) {
    }

    /**
     * Boots, runs the request's scenario (which should leave the guest at a prompt), saves the machine as
     * snapshot {@code tag} in {@code snapshotDir}, and stops it. Later boots with
     * {@link BootRequest#resumeFrom} start there.
     */
    public SnapshotResult prepareSnapshot(BootRequest req, Path snapshotDir, String tag) {
        BootRunner.Outcome o = boots.run(req, snapshotDir, tag, null);
        return new SnapshotResult(o.result(), o.snapshot());
    }

    /**
     * Starts a machine and hands it over running (with a VM-state disk, so it can be snapshotted); the
     * caller drives it and ends the run with {@link QemuRun#finish}. QEMU not starting is an
     * environment error (exit 3) naming the kept run directory.
     */
    public QemuRun start(BootRequest req) throws IOException, InterruptedException {
        req.guest().validate();
        Multiboot.requireBootable(req.model(), req.guest());
        List<String> warnings = new ArrayList<>();
        QemuRun run = new QemuRun(options, req, accel.resolve(req.accel(), warnings), warnings);
        try {
            run.open(true);
            return run;
        } catch (AntsException e) {
            RunResult r = run.finish(ScenarioOutcome.failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE, e.getMessage()));
            throw new AntsException(e.exitCode(), e.getMessage() + (r.kept() ? " (run kept in " + r.runDir() + ")" : ""), e.hint(), e);
        } catch (IOException | InterruptedException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** Runs a test plan: suites across models, reports in its report directory. */
    public TestReport test(TestPlan plan) throws IOException, InterruptedException {
        return new MatrixRunner(this).run(plan);
    }

    /** The older matrix form: every model x every scenario (each one case of a suite named {@code t.suite()}). */
    public TestReport test(TestRequest t) throws IOException, InterruptedException {
        return test(t.toPlan());
    }

    /** The static KVM probe, once per Harness. */
    public KvmStatus kvmStatus() {
        return accel.kvmStatus();
    }
}
