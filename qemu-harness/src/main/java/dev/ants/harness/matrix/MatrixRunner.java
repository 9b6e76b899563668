package dev.ants.harness.matrix;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.report.ParallelRunner;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.suite.TestSuite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a {@link TestPlan}: reads every suite for every model first (a mistake is bad input before
 * anything boots), takes shard k of n of the model x suite matrix, runs the models in parallel up to
 * {@code jobs} (each model's suites and cases in order, on that model), and writes the reports.
 * Models and cases that cannot run are in the report as skipped, with the reason.
 */
public final class MatrixRunner {
    private final Function<HardwareModel, TestBed> beds;
    private final Progress progress;
    private TestPlan plan;

    /** QEMU models through {@code harness}. */
    public MatrixRunner(Harness harness) {
        this(null, harness.options().progress, harness);
    }

    /** Other test beds (e.g. real machines): one per model of the plan. */
    public MatrixRunner(Function<HardwareModel, TestBed> beds, Progress progress) {
        this(beds, progress, null);
    }

    private MatrixRunner(Function<HardwareModel, TestBed> beds, Progress progress, Harness harness) {
        this.beds = beds != null ? beds : m -> new QemuBed(harness, m, plan);
        this.progress = progress;
    }

    /** A (model, suite) pair: the unit the shard splits and a model's worker runs in order. */
    private record Unit(HardwareModel model, TestSuite suite, String skipped) {
        String key() {
            return model.name() + "/" + suite.name();
        }
    }

    public synchronized TestReport run(TestPlan p) throws IOException, InterruptedException {
        this.plan = p;
        p.guest().validate();
        List<Unit> all = new ArrayList<>();
        for (HardwareModel m : p.models()) {
            String why = Multiboot.unbootable(m, p.guest());
            for (TestSuite s : load(m)) all.add(new Unit(m, s, why));
        }
        p.skippedModels().forEach((m, why) -> load(m).forEach(s -> all.add(new Unit(m, s, why))));
        List<Unit> mine = p.shard().select(all, Unit::key);

        Map<HardwareModel, List<TestSuite>> work = new LinkedHashMap<>();
        List<TestCaseResult> cases = new ArrayList<>();
        for (Unit u : mine) {
            if (u.skipped() == null) {
                work.computeIfAbsent(u.model(), k -> new ArrayList<>()).add(u.suite());
            } else {
                for (var c : u.suite().cases()) {
                    cases.add(TestCaseResult.skipped(u.model().name(), u.suite().name(), u.suite().testName(c), u.skipped()));
                }
            }
        }
        List<ModelRunner.ModelResult> done;
        try (Progress top = progress.child("test " + p.name(), work.size())) {
            done = ParallelRunner.run(new ArrayList<>(work.entrySet()), p.jobs(),
                    e -> new ModelRunner(beds.apply(e.getKey()), p, top).run(e.getValue()));
        }
        List<RunResult> runs = new ArrayList<>();
        for (ModelRunner.ModelResult r : done) {
            runs.addAll(r.runs());
            cases.addAll(r.cases());
        }
        ExitCode code = TestReport.combine(cases);
        String why = code == ExitCode.ENVIRONMENT && cases.stream().allMatch(c -> c.status() == dev.ants.harness.report.RunStatus.SKIPPED)
                ? nothingRan(all, mine, cases) : null;
        if (why != null) progress.note("nothing ran: " + why);
        return Reports.write(p, code, why, runs, cases, done);
    }

    /** The plan's suites as this model reads them (its facts as variables); duplicate names are bad input. */
    private List<TestSuite> load(HardwareModel m) {
        Map<String, String> vars = new LinkedHashMap<>(plan.vars());
        vars.putAll(m.vars());
        List<TestSuite> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SuiteSource src : plan.suites()) {
            TestSuite s = src.load(vars);
            if (!names.add(s.name())) throw AntsException.badInput("two suites are named " + s.name(), "name each suite once");
            out.add(s);
        }
        return out;
    }

    private String nothingRan(List<Unit> all, List<Unit> mine, List<TestCaseResult> cases) {
        if (mine.isEmpty()) {
            return "shard " + plan.shard().index() + "/" + plan.shard().count() + " holds none of the " + all.size()
                    + " model x suite pairs; use fewer shards";
        }
        Set<String> reasons = new java.util.LinkedHashSet<>();
        for (TestCaseResult c : cases) reasons.add(c.model() + ": " + c.message());
        return "everything was skipped: " + String.join("; ", reasons);
    }
}
