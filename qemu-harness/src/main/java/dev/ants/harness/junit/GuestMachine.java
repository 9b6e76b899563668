package dev.ants.harness.junit;

import dev.ants.core.ExitCode;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.QemuMachine;
import dev.ants.harness.report.FailureKind;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.run.QemuRun;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.scenario.ScenarioOutcome;
import dev.ants.harness.scenario.ScenarioRunner;
import org.junit.jupiter.api.Assumptions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine behind an {@link AntsGuest}: booted once, brought to {@code ready}, snapshotted; each
 * test starts from the snapshot. Closing it ends the run, keeping the run directory when a test failed.
 */
final class GuestMachine implements AutoCloseable {
    static final String SNAPSHOT = "junit-ready";
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private final QemuRun run;
    private boolean dirty;
    private boolean failed;
    private long mark;

    private GuestMachine(QemuRun run) {
        this.run = run;
    }

    static GuestMachine boot(AntsGuest a, Class<?> testClass) throws Exception {
        HardwareModel model = ModelCatalog.builtIn().get(a.model());
        Guest guest = guest(a);
        Scenario boot = bootScenario(a, model, testClass);
        BootRequest req = new BootRequest(model, guest).scenario(boot).accel(Accel.parse(a.accel()))
                .timeoutScale(a.timeoutScale()).keep(a.keep()).label(testClass.getSimpleName());
        QemuRun run = new Harness().start(req);
        ScenarioOutcome o = new ScenarioRunner(null).run(boot, run.machine());
        if (o.passed()) {
            try {
                run.machine().snapshot(SNAPSHOT);
            } catch (Exception e) {
                o = ScenarioOutcome.failure(ExitCode.ENVIRONMENT, FailureKind.INFRASTRUCTURE, "savevm failed: " + e.getMessage());
            }
        }
        if (!o.passed()) {
            RunResult r = run.finish(o);
            throw new AssertionError("the guest did not get ready: " + r.summary() + "\nlast console lines:\n  "
                    + String.join("\n  ", r.lastConsoleLines() == null ? List.of() : r.lastConsoleLines()));
        }
        GuestMachine g = new GuestMachine(run);
        g.mark = run.machine().session().mark();
        return g;
    }

    QemuMachine machine() {
        return run.machine();
    }

    ConsoleSession session() {
        return run.machine().session();
    }

    /** Before a test: back to the snapshot (unless nothing ran since it was taken), and a new mark. */
    void reset() throws Exception {
        if (dirty) run.machine().restore(SNAPSHOT);
        dirty = true;
        mark = session().mark();
    }

    /** What the console printed since the current test began. */
    String transcript() {
        return session().textSince(mark);
    }

    Path runDir() {
        return run.layout().dir();
    }

    void failed() {
        failed = true;
    }

    @Override
    public void close() {
        run.finish(failed ? ScenarioOutcome.failure(ExitCode.CHECK_FAILED, FailureKind.ASSERTION, "a test failed")
                : ScenarioOutcome.ok());
    }

    private static Guest guest(AntsGuest a) throws Exception {
        if (a.guest() != GuestSource.class) return a.guest().getDeclaredConstructor().newInstance().guest();
        Path image = path(a.image());
        Path kernel = path(a.kernel());
        Guest g = kernel != null ? Guest.kernel(kernel, path(a.initrd()), a.append().isEmpty() ? null : expand(a.append()))
                : image != null ? Guest.disk(image) : null;
        if (g == null) throw new IllegalArgumentException("@AntsGuest needs kernel, image or guest");
        if (kernel != null && image != null) g = g.withDisk(image);
        Path ini = path(a.plan9ini());
        return (ini != null ? g.withPlan9ini(ini) : g).validate();
    }

    private static Scenario bootScenario(AntsGuest a, HardwareModel model, Class<?> testClass) throws Exception {
        if (!a.boot().isEmpty()) {
            String f = expand(a.boot());
            String yaml;
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(f)) {
                yaml = in != null ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(f));
            }
            Scenario s = ScenarioLoader.parse(yaml, f, Path.of(f).toAbsolutePath().getParent(), model.vars());
            if (a.ready().length == 0) return s;
            List<dev.ants.harness.scenario.Step> steps = new ArrayList<>(s.steps());
            steps.addAll(ready(a, model).steps());
            return s.with("boot", steps);
        }
        return ready(a, model);
    }

    private static Scenario ready(AntsGuest a, HardwareModel model) {
        StringBuilder y = new StringBuilder("name: ready\nshell: ").append(a.shell()).append("\nsteps:\n");
        for (String r : a.ready()) y.append("  - expect: '").append(r.replace("'", "''")).append("'\n");
        return ScenarioLoader.parse(y.toString(), "@AntsGuest(ready)", null, Map.of());
    }

    private static Path path(String p) {
        return p.isEmpty() ? null : Path.of(expand(p));
    }

    /** ${NAME} from a system property or the environment; unset, the test is skipped saying which. */
    static String expand(String s) {
        Matcher m = VAR.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = System.getProperty(m.group(1), System.getenv(m.group(1)));
            Assumptions.assumeTrue(v != null && !v.isBlank(), "set " + m.group(1) + " (a system property or an environment variable) to run this test");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }
}
