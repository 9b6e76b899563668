package dev.ants.harness;

import dev.ants.core.FileTrees;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.accel.KvmStatus;
import dev.ants.harness.container.ContainerLauncher;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.ExpectException;
import dev.ants.harness.expect.FailurePattern;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.DiskFormat;
import dev.ants.harness.qemu.Firmware;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.qemu.QemuCommand;
import dev.ants.harness.qemu.QemuImg;
import dev.ants.harness.qemu.QemuLauncher;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.qemu.RunLayout;
import dev.ants.harness.report.JUnitXmlReport;
import dev.ants.harness.report.JsonReport;
import dev.ants.harness.report.ParallelRunner;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioOutcome;
import dev.ants.harness.scenario.ScenarioRunner;
import dev.ants.harness.scenario.Step;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The harness's public face: boot a guest on a hardware model and run a scenario on its console
 * ({@link #boot}), connect a terminal ({@link #attach}), run a model x scenario matrix ({@link #test}),
 * snapshot a booted machine ({@link #prepareSnapshot}), or print the QEMU command line ({@link #dryRun}).
 * Each run gets its own directory with a copy-on-write overlay; it is removed on success and kept, with
 * everything needed to understand the failure, otherwise.
 */
public final class Harness {
    private static final Set<Path> ACTIVE_RUNS = ConcurrentHashMap.newKeySet();

    static {
        // Ctrl-C: ProcessReaper kills QEMU; the run directories stay, clearly marked, for a look.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path d : ACTIVE_RUNS) {
                try {
                    Files.writeString(d.resolve("INTERRUPTED"), "this run was interrupted; its files are incomplete\n");
                } catch (IOException ignored) {
                    // the directory may already be gone
                }
            }
        }, "ants-run-marker"));
    }

    private final HarnessOptions options;
    private volatile KvmStatus kvmStatus;

    public Harness(HarnessOptions options) {
        this.options = options;
    }

    public Harness() {
        this(new HarnessOptions());
    }

    // ------------------------------------------------------------------ dry run

    /** The QEMU argv a boot would run (paths inside a placeholder run directory "RUNDIR"); nothing is started. */
    public List<String> dryRun(BootRequest req) {
        req.guest().validate();
        Multiboot.requireBootable(req.model(), req.guest());
        Accel accel = resolveAccel(req.accel(), new ArrayList<>());
        RunLayout layout = RunLayout.in(Path.of("RUNDIR"));
        return command(req, accel, layout).argv();
    }

    // ------------------------------------------------------------------ boot

    /**
     * Boots and runs the request's scenario (or watches the console until the guest powers off). Never
     * throws for guest problems: the result's exitCode is 0 (pass), 1 (a step failed, timed out, a failure
     * pattern, the watchdog), 3 (infrastructure: QEMU died, missing binary) or 130 (interrupted). Bad input
     * (a missing file) is thrown as AntsException before anything starts.
     */
    public RunResult boot(BootRequest req) {
        return run(req, null, null, null);
    }

    /**
     * Boots with the terminal connected to the serial console: bytes from {@code in} go to the guest, the
     * console goes to {@code out}. Ctrl-] (0x1d) detaches and stops the machine. The caller puts the
     * terminal in raw mode (see {@link dev.ants.harness.console.TerminalMode}).
     */
    public RunResult attach(BootRequest req, InputStream in, OutputStream out) {
        BootRequest r = req.copy().consoleMirror(out);
        return run(r, null, null, in);
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
        Snapshot[] made = new Snapshot[1];
        RunResult r = run(req, snapshotDir, tag, null, made);
        return new SnapshotResult(r, made[0]);
    }

    private RunResult run(BootRequest req, Path snapshotDir, String tag, InputStream attachIn) {
        return run(req, snapshotDir, tag, attachIn, new Snapshot[1]);
    }

    private RunResult run(BootRequest req, Path snapshotDir, String tag, InputStream attachIn, Snapshot[] made) {
        req.guest().validate();
        Multiboot.requireBootable(req.model(), req.guest());
        List<String> warnings = new ArrayList<>();
        boolean autoKvm = req.accel() == Accel.AUTO;
        Accel accel = resolveAccel(req.accel(), warnings);
        Attempt a = attempt(req, accel, warnings, autoKvm && accel == Accel.KVM, snapshotDir, tag, attachIn, made);
        if (a.stalled) {
            String w = "the guest stalled under KVM (" + a.stallReason + "); rerunning under TCG";
            warnings.add(w);
            options.progress.note("warning: " + w);
            a = attempt(req, Accel.TCG, warnings, false, snapshotDir, tag, attachIn, made);
        }
        return a.result;
    }

    private record Attempt(RunResult result, boolean stalled, String stallReason) {
    }

    private Attempt attempt(BootRequest req, Accel accel, List<String> warnings, boolean detectStall,
                            Path snapshotDir, String tag, InputStream attachIn, Snapshot[] made) {
        long t0 = System.nanoTime();
        HardwareModel model = req.model();
        Scenario scenario = req.scenario();
        Path dir = null;
        Path socketDir = null;
        QemuMachine m = null;
        ScenarioOutcome outcome;
        List<String> argv = null;
        List<String> lastLines = List.of();
        double bootSeconds = -1;
        options.progress.phase("boot " + model.name() + " (" + accel.qemuName() + ")", 0);
        try {
            dir = Files.createTempDirectory(req.runParent() != null ? Files.createDirectories(req.runParent())
                    : Path.of(System.getProperty("java.io.tmpdir")), "ants-" + model.name() + "-");
            ACTIVE_RUNS.add(dir);
            socketDir = dir.toAbsolutePath().toString().length() > 90 ? Files.createTempDirectory(Path.of("/tmp"), "ants-s") : dir;
            RunLayout layout = new RunLayout(dir, socketDir);
            boolean vmstate = snapshotDir != null || req.resumeFrom() != null
                    || (scenario != null && scenario.steps().stream().anyMatch(st -> st instanceof Step.Snapshot));
            prepareFiles(req, layout, vmstate);
            argv = command(req, accel, layout).vmstateDisk(vmstate).argv();
            m = QemuMachine.start(argv, layout, sessionOptions(req, accel, scenario), launcher(req, accel));
            if (detectStall && expectsOutputFirst(scenario) && !m.session().awaitFirstOutput(req.stallDeadline())) {
                abandon(m, dir, socketDir);
                return new Attempt(null, true, "no console output within " + req.stallDeadline().toSeconds() + " s");
            }
            if (attachIn != null) pump(attachIn, m);
            outcome = scenario != null ? new ScenarioRunner(options.progress).run(scenario, m) : watch(m, req);
            if (detectStall && m.session().bytesReceived() == 0 && "WATCHDOG".equals(outcome.failureKind())) {
                abandon(m, dir, socketDir);
                return new Attempt(null, true, "no console output at all");
            }
            if (outcome.passed() && snapshotDir != null) {
                made[0] = saveSnapshot(m, layout, snapshotDir, tag, model);
            }
        } catch (AntsException e) {
            outcome = failure(e.exitCode(), "INFRASTRUCTURE", e.getMessage() + (e.hint().isEmpty() ? "" : " (" + e.hint() + ")"));
        } catch (IOException e) {
            outcome = failure(ExitCode.ENVIRONMENT, "INFRASTRUCTURE", "I/O error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = failure(ExitCode.INTERRUPTED, "INTERRUPTED", "interrupted");
        } finally {
            if (m != null) {
                lastLines = m.session().lastLines(25);
                bootSeconds = m.session().firstOutputSeconds();
            }
        }
        try {
            return new Attempt(finish(req, accel, warnings, m, dir, socketDir, outcome, argv, lastLines, bootSeconds, t0), false, null);
        } finally {
            if (dir != null) ACTIVE_RUNS.remove(dir);
        }
    }

    /** A stalled attempt is thrown away whole: its QEMU stopped, its directory removed. */
    private static void abandon(QemuMachine m, Path dir, Path socketDir) {
        m.close();
        if (socketDir != null && !socketDir.equals(dir)) FileTrees.deleteQuietly(socketDir);
        FileTrees.deleteQuietly(dir);
        ACTIVE_RUNS.remove(dir);
    }

    private RunResult finish(BootRequest req, Accel accel, List<String> warnings, QemuMachine m, Path dir, Path socketDir,
                             ScenarioOutcome outcome, List<String> argv, List<String> lastLines, double bootSeconds, long t0) {
        boolean failed = !outcome.passed();
        Map<String, String> artifacts = new LinkedHashMap<>();
        if (m != null) {
            if (failed && m.alive() && m.screendump(m.layout().screendump())) artifacts.put("screendump", m.layout().screendump().toString());
            m.close();
        }
        boolean keep = dir != null && (failed || req.keep());
        if (dir != null && keep) {
            RunLayout l = RunLayout.in(dir);
            put(artifacts, "transcript", l.transcript());
            put(artifacts, "overlay", l.diskOverlay());
            put(artifacts, "qemu-stderr", l.qemuStderr());
            put(artifacts, "qemu-cmdline", l.commandLine());
            artifacts.put("result", l.report().toString());
        }
        if (socketDir != null && !socketDir.equals(dir)) FileTrees.deleteQuietly(socketDir);
        String scenarioName = req.label();
        RunResult r = new RunResult(req.model().name(), scenarioName, req.guest().label(),
                RunResult.statusFor(outcome.exitCode().code), outcome.exitCode().code, accel.qemuName(), List.copyOf(warnings),
                (System.nanoTime() - t0) / 1e9, bootSeconds, outcome.failedStep(), outcome.failedStepLabel(),
                outcome.failureKind(), outcome.reason(), failed ? lastLines : null, outcome.steps(), outcome.failurePatterns(),
                artifacts, dir == null ? null : dir.toString(), keep, argv);
        if (keep) {
            try {
                JsonReport.write(r, RunLayout.in(dir).report());
            } catch (IOException e) {
                options.progress.note("warning: cannot write " + RunLayout.in(dir).report() + ": " + e.getMessage());
            }
        } else if (dir != null) {
            FileTrees.deleteQuietly(dir);
        }
        options.progress.endPhase();
        return r;
    }

    private static void put(Map<String, String> artifacts, String key, Path p) {
        if (Files.exists(p)) artifacts.put(key, p.toString());
    }

    private static ScenarioOutcome failure(ExitCode code, String kind, String reason) {
        return new ScenarioOutcome(code, null, null, kind, reason, List.of(), List.of());
    }

    /** Stall detection only makes sense when the guest is expected to print on its own first. */
    private static boolean expectsOutputFirst(Scenario s) {
        return s == null || (!s.steps().isEmpty() && s.steps().get(0) instanceof Step.Expect);
    }

    /** The overlay, UEFI variables and (only when snapshots are taken) the VM-state disk; qemu-img costs a process each. */
    private void prepareFiles(BootRequest req, RunLayout layout, boolean vmstate) throws IOException, InterruptedException {
        QemuImg img = new QemuImg(options.qemuImgBinary);
        Snapshot snap = req.resumeFrom();
        if (snap != null) {
            if (!snap.model().equals(req.model().name())) {
                throw AntsException.badInput("snapshot " + snap.dir() + " was made on model " + snap.model() + ", not " + req.model().name(),
                        "resume it on the same model, or make a snapshot per model");
            }
            for (String f : snap.files()) Files.copy(snap.dir().resolve(f), layout.dir().resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        if (req.guest().disk() != null) img.overlay(req.guest().disk(), layout.diskOverlay());
        if (vmstate) img.create(layout.vmstate(), "4G");
        if (req.model().uefi()) img.convertToQcow2(Firmware.ovmf().varsTemplate(), layout.ovmfVars());
    }

    private QemuCommand command(BootRequest req, Accel accel, RunLayout layout) {
        return new QemuCommand().binary(options.qemuBinary).model(req.model()).guest(req.guest()).accel(accel).layout(layout)
                .firmware(req.model().uefi() ? Firmware.ovmf() : null)
                .vga(req.vga()).network(req.network())
                .loadvm(req.resumeFrom() != null ? req.resumeFrom().tag() : null)
                .extraDisks(extraDisks(req))
                .extraArgs(req.extraQemuArgs());
    }

    private static List<QemuCommand.Disk> extraDisks(BootRequest req) {
        List<QemuCommand.Disk> out = new ArrayList<>();
        for (Path p : req.extraDisks()) {
            try {
                out.add(new QemuCommand.Disk(p, DiskFormat.of(p)));
            } catch (IOException e) {
                throw AntsException.badInput("cannot read disk " + p + ": " + e.getMessage(), "check the path");
            }
        }
        return out;
    }

    /** QEMU as a child process, or (Runner.CONTAINER) in a Docker container with /dev/kvm only when KVM is used. */
    private QemuLauncher launcher(BootRequest req, Accel accel) {
        Runner r = req.runner() != null ? req.runner() : options.runner;
        return r == Runner.CONTAINER ? new ContainerLauncher(options, req.guest(), accel == Accel.KVM) : QemuLauncher.HOST;
    }

    private ConsoleSession.Options sessionOptions(BootRequest req, Accel accel, Scenario s) {
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = req.timeoutScale() * (accel == Accel.TCG ? options.tcgTimeoutFactor : 1.0);
        o.failurePatterns = s != null ? s.patterns() : FailurePattern.defaults();
        o.watchdog = s != null ? s.watchdog() : null;
        o.mirror = req.consoleMirror();
        return o;
    }

    /** KVM only when asked for, or (auto) when the probe says it is usable; the reason goes to the warnings. */
    private Accel resolveAccel(Accel requested, List<String> warnings) {
        if (requested == Accel.TCG) return Accel.TCG;
        KvmStatus s = kvmStatus();
        if (requested == Accel.KVM) {
            if (!s.present()) throw AntsException.environment("--accel kvm: " + s.reason(), "use --accel tcg or auto");
            if (!s.usable()) warnings.add("--accel kvm although " + s.reason());
            return Accel.KVM;
        }
        if (!s.usable()) {
            warnings.add(s.reason());
            return Accel.TCG;
        }
        return Accel.KVM;
    }

    /** The static KVM probe, once per Harness. */
    public KvmStatus kvmStatus() {
        KvmStatus s = kvmStatus;
        if (s == null) kvmStatus = s = options.kvmProbe.probe();
        return s;
    }

    /** No scenario: wait for the guest to power off, a FATAL pattern, or maxDuration. */
    private static ScenarioOutcome watch(QemuMachine m, BootRequest req) throws InterruptedException {
        long end = req.maxDuration() == null ? Long.MAX_VALUE : System.nanoTime() + req.maxDuration().toNanos();
        try {
            while (m.alive() && System.nanoTime() < end) m.session().hold(Duration.ofMillis(200));
        } catch (ExpectException e) {
            if (e.kind() == ExpectException.Kind.FAILURE_PATTERN) {
                return new ScenarioOutcome(ExitCode.CHECK_FAILED, null, null, e.kind().name(), e.getMessage(), List.of(), m.session().hits());
            }
            // console closed: QEMU ended; decided below
        }
        String infra = m.infrastructureProblem();
        if (infra != null) return new ScenarioOutcome(ExitCode.ENVIRONMENT, null, null, "INFRASTRUCTURE", infra, List.of(), m.session().hits());
        return new ScenarioOutcome(ExitCode.OK, null, null, null, null, List.of(), m.session().hits());
    }

    /** Terminal input to the console until EOF or Ctrl-], which stops the machine. */
    private static void pump(InputStream in, QemuMachine m) {
        Thread t = new Thread(() -> {
            byte[] b = new byte[256];
            try {
                for (int n; (n = in.read(b)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (b[i] == 0x1d) {
                            if (i > 0) m.session().send(new String(b, 0, i, java.nio.charset.StandardCharsets.ISO_8859_1));
                            m.qmp().quit();
                            return;
                        }
                    }
                    m.session().send(new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (IOException ignored) {
                // the machine went away
            }
        }, "ants-attach-input");
        t.setDaemon(true);
        t.start();
    }

    private static Snapshot saveSnapshot(QemuMachine m, RunLayout layout, Path snapshotDir, String tag, HardwareModel model)
            throws IOException, InterruptedException {
        m.snapshot(tag);
        m.close(); // QEMU flushes and releases the files
        Files.createDirectories(snapshotDir);
        List<String> files = new ArrayList<>();
        for (Path f : List.of(layout.diskOverlay(), layout.vmstate(), layout.ovmfVars())) {
            if (Files.exists(f)) {
                Files.move(f, snapshotDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                files.add(f.getFileName().toString());
            }
        }
        return new Snapshot(snapshotDir, tag, model.name(), List.copyOf(files));
    }

    // ------------------------------------------------------------------ test matrix

    /** Runs the matrix (shard, jobs, snapshots per the request) and writes JUnit XML, per-run JSON and a summary. */
    public TestReport test(TestRequest t) throws IOException, InterruptedException {
        record Case(HardwareModel model, Scenario scenario) {
            String key() { return model.name() + "/" + scenario.name(); }
        }
        List<Case> all = new ArrayList<>();
        for (HardwareModel m : t.models()) for (Scenario s : t.scenarios()) all.add(new Case(m, s));
        List<Case> mine = t.shard().select(all, Case::key);
        Files.createDirectories(t.reportDir());
        Path runs = t.reportDir().resolve("runs");
        List<RunResult> results = new ArrayList<>();
        if (t.bootScenario() == null) {
            results.addAll(ParallelRunner.run(mine, t.jobs(), c -> boot(base(t, c.model(), runs).scenario(c.scenario()))));
        } else {
            Map<String, List<Case>> byModel = new LinkedHashMap<>();
            for (Case c : mine) byModel.computeIfAbsent(c.model().name(), k -> new ArrayList<>()).add(c);
            List<List<RunResult>> groups = ParallelRunner.run(new ArrayList<>(byModel.values()), t.jobs(), cases -> {
                HardwareModel model = cases.get(0).model();
                Path snapDir = t.reportDir().resolve("snapshots").resolve(model.name());
                SnapshotResult sr = prepareSnapshot(base(t, model, runs).scenario(t.bootScenario()).label(t.bootScenario().name()), snapDir, "ants-ready");
                List<RunResult> out = new ArrayList<>();
                for (Case c : cases) {
                    if (sr.snapshot() == null) {
                        RunResult b = sr.run();
                        out.add(new RunResult(model.name(), c.scenario().name(), b.guest(), b.status(), b.exitCode(), b.accel(), b.warnings(),
                                0, b.bootSeconds(), null, null, b.failureKind(), "boot scenario '" + t.bootScenario().name() + "' failed: "
                                + b.reason(), b.lastConsoleLines(), List.of(), b.failurePatterns(), b.artifacts(), b.runDir(), b.kept(), b.qemuCommand()));
                    } else {
                        out.add(boot(base(t, model, runs).scenario(c.scenario()).resumeFrom(sr.snapshot())));
                    }
                }
                if (!t.keep()) FileTrees.deleteQuietly(snapDir);
                return out;
            });
            groups.forEach(results::addAll);
        }
        Path resultsDir = t.reportDir().resolve("results");
        for (RunResult r : results) JsonReport.write(r, resultsDir.resolve(safe(r.model()) + "__" + safe(r.scenario()) + ".json"));
        Path junit = t.reportDir().resolve("TEST-" + safe(t.suite()) + ".xml");
        JUnitXmlReport.write(t.suite(), results, junit);
        ExitCode code = TestReport.combine(results);
        Path summary = t.reportDir().resolve("summary.json");
        JsonReport.write(Map.of("suite", t.suite(), "exitCode", code.code, "shard", t.shard().index() + "/" + t.shard().count(),
                "runs", results.size(), "passed", results.stream().filter(RunResult::passed).count(),
                "results", results.stream().map(r -> Map.of("model", r.model(), "scenario", r.scenario(), "status", r.status())).toList()), summary);
        return new TestReport(results, code, junit, summary);
    }

    private static BootRequest base(TestRequest t, HardwareModel model, Path runs) {
        return new BootRequest(model, t.guest()).accel(t.accel()).timeoutScale(t.timeoutScale()).keep(t.keep()).runParent(runs.resolve(model.name()));
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
