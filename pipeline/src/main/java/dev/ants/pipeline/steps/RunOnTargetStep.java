package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.matrix.MatrixRunner;
import dev.ants.harness.matrix.TargetBed;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.harness.target.HardwareTarget;
import dev.ants.harness.target.TargetConnector;
import dev.ants.harness.target.TargetSpec;
import dev.ants.pipeline.PipelineConfig;
import dev.ants.pipeline.TestOutcome;
import dev.ants.pipeline.TestRequest;
import dev.ants.pipeline.suite.Suite;
import dev.ants.pipeline.suite.SuiteCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The suites on a real machine: the image flashed to its disk (when the target file names one), then
 * every case from a power cycle, watched on its serial console. A real machine has no suite disk, so
 * only the suites that need no files run there; naming another one is bad input.
 */
public final class RunOnTargetStep implements Step<TestOutcome> {
    private final PipelineConfig config;
    private final TestRequest request;

    public RunOnTargetStep(PipelineConfig config, TestRequest request) {
        this.config = config;
        this.request = request;
    }

    @Override
    public String description() {
        return "test on " + request.target().name();
    }

    @Override
    public TestOutcome run(Progress progress) throws Exception {
        TargetSpec spec = request.target();
        List<Suite> suites = runnable(SuiteCatalog.builtIn().select(request.suites()), !request.suites().isEmpty());
        if (request.image() != null && spec.disk() == null) {
            throw AntsException.badInput("--image " + request.image().getFileName() + " was given, but " + spec.source()
                    + " says the image is already in place (no disk: device)", "add disk: device: DEV to the target file, or drop --image");
        }
        Path dir = Files.createDirectories(request.reportDir());
        if (request.image() != null) new StepRunner(progress).run(new FlashTargetStep(spec, request.image()));

        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = request.timeoutScale();
        HardwareTarget target = TargetConnector.open(spec, dir.resolve(spec.name() + ".console.txt"), o);
        try {
            TestPlan.Builder plan = TestPlan.builder("ants", dir).models(List.of(spec.model())).jobs(1)
                    .guest(request.image() != null ? Guest.disk(request.image()) : Guest.disk(spec.source()))
                    .shard(request.shard()).timeoutScale(request.timeoutScale()).keep(request.keep())
                    .vars(request.suiteVars(config.arch().objtype));
            for (Suite s : suites) plan.suite(s.source(dir.resolve("suites")));
            TestReport report = new MatrixRunner(m -> new TargetBed(spec.name(), target), progress).run(plan.build());
            return new TestOutcome(null, request.image(), report);
        } finally {
            target.session().close();
        }
    }

    /** Suites without files (a real machine has no suite disk); asking for one with files is bad input. */
    private static List<Suite> runnable(List<Suite> chosen, boolean named) {
        List<Suite> ok = chosen.stream().filter(s -> s.files().isEmpty()).toList();
        if (named && ok.size() < chosen.size()) {
            String bad = chosen.stream().filter(s -> !s.files().isEmpty()).map(Suite::name).findFirst().orElseThrow();
            throw AntsException.badInput("suite " + bad + " needs its files on the suite disk, which a real machine does not have",
                    "run it on QEMU models, or choose suites without files (e.g. --suite boot)");
        }
        if (ok.isEmpty()) throw AntsException.badInput("none of the chosen suites can run on a real machine", "e.g. --suite boot");
        return ok;
    }
}
