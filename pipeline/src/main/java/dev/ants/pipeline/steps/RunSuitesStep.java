package dev.ants.pipeline.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.suite.SuiteLoader;
import dev.ants.harness.suite.SuiteSource;
import dev.ants.pipeline.Kernel;
import dev.ants.pipeline.PipelineConfig;
import dev.ants.pipeline.TestOutcome;
import dev.ants.pipeline.TestRequest;
import dev.ants.pipeline.suite.Suite;
import dev.ants.pipeline.suite.SuiteCatalog;
import dev.ants.pipeline.suite.SuiteDisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the suites: makes the guest (the configuration's kernel with the suites' plan9.ini and the
 * suite disk as its disk, or the image with the suite disk after it) and hands the harness a test plan
 * over the chosen models; models a guest cannot boot on stay in the report as skipped, with the reason.
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

        TestPlan.Builder plan = TestPlan.builder("ants", dir).guest(guest).jobs(config.jobs()).shard(request.shard())
                .accel(request.accel()).timeoutScale(request.timeoutScale()).keep(request.keep())
                .vars(request.suiteVars(config.arch().objtype));
        for (HardwareModel m : request.models()) {
            String why = unbootable(m, guest);
            if (why != null) plan.skip(m, why);
            else plan.models(List.of(m));
        }
        // the suite disk is the first disk beside a kernel, and the one after the image otherwise
        int suiteUnit = guest.kernel() != null ? 0 : guest.extraDisks().size();
        for (Suite s : suites) plan.suite(source(s, s.source(dir.resolve("suites")), suiteUnit, request.image()));
        TestReport report = config.harness(progress, request.runner()).test(plan.build());
        return new TestOutcome(kernel, request.image(), report);
    }

    /** The suite read with the model's facts, where its disk is, and an image's hints for that model. */
    static SuiteSource source(Suite s, SuiteSource text, int suiteUnit, Path image) {
        return vars -> {
            Map<String, String> v = new LinkedHashMap<>(vars);
            String disk9 = v.get("disk9");
            if (disk9 != null) {
                String unit = disk9.substring(0, disk9.length() - 1);
                v.put("suitedisk9", unit + suiteUnit);
                // a case's blank disks (disks: N) come after the suite disk
                for (int i = 0; i < SuiteLoader.MAX_DISKS; i++) v.put("blank" + i, unit + (suiteUnit + 1 + i));
            }
            if (image != null) v.putAll(ImageHints.forModel(image, v.get("model")));
            return text.load(v);
        };
    }

    /** Why a model cannot boot the guest (a UEFI model and a multiboot kernel; an image whose manifest says so). */
    private static String unbootable(HardwareModel m, Guest guest) {
        String why = Multiboot.unbootable(m, guest);
        if (why != null || guest.disk() == null || guest.kernel() != null) return why;
        Map<String, String> hints = ImageHints.forModel(guest.disk(), m.name());
        return "false".equals(hints.get("bootable")) ? hints.getOrDefault("note", "the image's manifest says it cannot boot there") : null;
    }
}
