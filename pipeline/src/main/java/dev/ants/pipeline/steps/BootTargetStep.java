package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.matrix.TargetBed;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.suite.TestCase;
import dev.ants.harness.target.HardwareTarget;
import dev.ants.harness.target.TargetConnector;
import dev.ants.harness.target.TargetSpec;

import java.nio.file.Files;
import java.nio.file.Path;

/** One boot of a real machine: the image flashed to its disk when given, a power cycle, the scenario on its console. */
public final class BootTargetStep implements Step<RunResult> {
    private final TargetSpec spec;
    private final Path image;
    private final Scenario scenario;
    private final Path runDir;
    private final double timeoutScale;

    public BootTargetStep(TargetSpec spec, Path image, Scenario scenario, Path runDir, double timeoutScale) {
        this.spec = spec;
        this.image = image;
        this.scenario = scenario;
        this.runDir = runDir;
        this.timeoutScale = timeoutScale;
    }

    @Override
    public String description() {
        return "boot " + spec.name();
    }

    @Override
    public RunResult run(Progress progress) throws Exception {
        if (image != null && spec.disk() == null) {
            throw AntsException.badInput("--image was given, but " + spec.source() + " has no disk: device to flash it to",
                    "add disk: device: DEV to the target file, or drop --image");
        }
        if (image != null) new StepRunner(progress).run(new FlashTargetStep(spec, image));
        Files.createDirectories(runDir);
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.timeoutScale = timeoutScale;
        HardwareTarget target = TargetConnector.open(spec, runDir.resolve(spec.name() + ".console.txt"), o);
        try {
            return new TargetBed(spec.name(), target).run(scenario, TestCase.Fresh.NONE, progress);
        } finally {
            target.session().close();
        }
    }
}
