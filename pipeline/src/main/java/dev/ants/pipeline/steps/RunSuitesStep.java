package dev.ants.pipeline.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.TestReport;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.report.ParallelRunner;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.pipeline.PipelineConfig;
import dev.ants.pipeline.Kernel;
import dev.ants.pipeline.TestOutcome;
import dev.ants.pipeline.TestRequest;
import dev.ants.pipeline.suite.Suite;
import dev.ants.pipeline.suite.SuiteCatalog;
import dev.ants.pipeline.suite.SuiteDisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suites: makes the guest (the configuration's kernel with the suites' plan9.ini and the
 * suite disk as its disk, or the image with the suite disk after it), takes the shard of the
 * model x suite matrix, and boots the models in parallel up to the job count.
 */
public final class RunSuitesStep implements Step<TestOutcome> {
    private final PipelineConfig config;
    private final TestRequest request;

    public RunSuitesStep(PipelineConfig config, TestRequest request) {
        this.config = config;
        this.request = request;
    }

    @Override
    public String description() {
        return "test";
    }

    @Override
    public TestOutcome run(Progress progress) throws Exception {
        List<Suite> suites = SuiteCatalog.builtIn().select(request.suites());
        Path dir = Files.createDirectories(request.reportDir());
        Path suiteDisk = SuiteDisk.write(suites, dir.resolve("suites.img"));
        Path kernel = null;
        Guest guest;
        if (request.image() != null) {
            guest = Guest.disk(request.image()).withExtraDisk(suiteDisk, true);
        } else {
            Kernel k = new StepRunner(progress).run(new MakeKernelStep(config, dir.resolve("kernel")));
            kernel = k.file();
            Path ini = Files.write(dir.resolve("kernel").resolve("plan9.ini"), SuiteCatalog.plan9ini());
            guest = Guest.kernel(kernel, null, null).withPlan9ini(ini).withDisk(suiteDisk);
        }
        guest.validate();

        // the shard is taken over the whole model x suite matrix, so n machines split it evenly
        record Case(HardwareModel model, Suite suite) {
        }
        List<Case> matrix = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (HardwareModel m : request.models()) {
            String why = unbootable(m, guest);
            if (why != null) {
                skipped.add(m.name() + ": " + why);
                progress.note("skipping " + m.name() + ": " + why);
                continue;
            }
            for (Suite s : suites) matrix.add(new Case(m, s));
        }
        List<Case> mine = request.shard().select(matrix, c -> c.model().name() + "/" + c.suite().name());

        Map<HardwareModel, List<Scenario>> byModel = new LinkedHashMap<>();
        for (Case c : mine) {
            Map<String, String> vars = vars(c.model(), guest);
            byModel.computeIfAbsent(c.model(), m -> new ArrayList<>()).add(ScenarioLoader.parse(c.suite().scenarioYaml(),
                    "suites/" + c.suite().name() + "/suite.yaml", null, vars));
        }
        Harness harness = config.harness(progress, request.runner());
        final Guest g = guest;
        List<TestReport> reports = ParallelRunner.run(new ArrayList<>(byModel.entrySet()), config.jobs(), e ->
                test(harness, e.getKey(), e.getValue(), g, dir));
        List<RunResult> results = new ArrayList<>();
        reports.forEach(r -> results.addAll(r.results()));
        return new TestOutcome(kernel, request.image(), dir, results, skipped, TestOutcome.combine(results));
    }

    private TestReport test(Harness harness, HardwareModel m, List<Scenario> scenarios, Guest guest, Path dir) {
        try {
            return harness.test(new dev.ants.harness.TestRequest("ants-" + m.name(), List.of(m), scenarios, guest, null,
                    request.accel(), request.timeoutScale(), 1, Shard.ALL, dir.resolve(m.name()), request.keep()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Why a model cannot boot the guest (a UEFI model and a multiboot kernel; an image whose manifest says so). */
    private static String unbootable(HardwareModel m, Guest guest) {
        String why = Multiboot.unbootable(m, guest);
        if (why != null || guest.disk() == null || guest.kernel() != null) return why;
        Map<String, String> hints = ImageHints.forModel(guest.disk(), m.name());
        return "false".equals(hints.get("bootable")) ? hints.getOrDefault("note", "the image's manifest says it cannot boot there") : null;
    }

    /** The scenario variables, the profile, and where the suite disk is: the first disk, or the one after the image. */
    private Map<String, String> vars(HardwareModel m, Guest guest) {
        Map<String, String> v = new LinkedHashMap<>(config.scenarioVars(m, guest));
        v.put("profile", request.profile().id());
        v.put("suitedisk9", guest.kernel() != null ? m.disk9() : m.disk9(guest.extraDisks().size()));
        return v;
    }
}
