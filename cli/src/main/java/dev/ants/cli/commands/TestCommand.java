package dev.ants.cli.commands;

import dev.ants.cli.Inputs;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.ArchOption;
import dev.ants.cli.MachineOptions;
import dev.ants.core.AntsException;
import dev.ants.cli.suite.Suite;
import dev.ants.cli.suite.SuiteCatalog;
import dev.ants.cli.suite.SuiteDisk;
import dev.ants.core.progress.Progress;
import dev.ants.harness.Harness;
import dev.ants.harness.TestReport;
import dev.ants.harness.TestRequest;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.qemu.Multiboot;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.Shard;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.patch.PatchSetSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs the ANTS regression suites across hardware models; JUnit XML, JSON and transcripts in --report DIR.")
public final class TestCommand implements Callable<Integer> {
    @Mixin
    OutputOptions out;

    @Mixin
    ArchOption arch;

    @Mixin
    MachineOptions machine;

    static final class Subject {
        @Option(names = "--tree", paramLabel = "T", description = "Build from this 9front tree, then test.")
        Path tree;

        @Option(names = "--image", paramLabel = "F", description = "Test an existing image.")
        Path image;
    }

    @ArgGroup(exclusive = true)
    Subject subject;

    @Option(names = "--suite", paramLabel = "NAME", description = "Suite to run (repeatable; default all).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--models", paramLabel = "a,b|all", defaultValue = "pc-virtio", description = "Models (default pc-virtio).")
    String models;

    @Option(names = "--jobs", defaultValue = "1", description = "Parallel guests (default 1).")
    int jobs;

    @Option(names = "--shard", paramLabel = "k/n", description = "Run only shard k of n (1-based) of the model x suite matrix.")
    String shard;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "ants-report", description = "Report directory (default ./ants-report).")
    Path report;

    @Option(names = "--no-patches", description = "Test the stock kernel (a baseline for the suites that do not need ANTS).")
    boolean noPatches;

    @Override
    public Integer call() throws Exception {
        if (subject != null && subject.image != null) {
            Inputs.existingFile(subject.image, "--image");
            throw NotYet.fail("ants test --image (suites on a disk image land with the image builder)");
        }
        Path root = Inputs.tree(subject == null ? null : subject.tree).root();
        List<HardwareModel> chosen = machine.models().select(models);
        List<Suite> chosenSuites = SuiteCatalog.builtIn().select(suites);
        if (jobs < 1) throw AntsException.badInput("--jobs " + jobs + " must be at least 1", "");
        Shard sh = shard == null ? Shard.ALL : Shard.parse(shard);
        Accel a = machine.accel();
        double scale = machine.timeoutScale();
        Path dir = Inputs.outputDir(report, "--report");

        Progress progress = out.progress();
        Files.createDirectories(dir);
        Path kernelDir = dir.resolve("kernel");
        Path kernel = KernelBuild.build(root, arch.arch(), kernelDir, HostToolchain.defaultCacheRoot(),
                noPatches ? null : PatchSetSource.builtIn(), progress);
        Guest guest = Guest.kernel(kernel, null, null)
                .withPlan9ini(Files.write(kernelDir.resolve("plan9.ini"), SuiteCatalog.plan9ini()))
                .withDisk(SuiteDisk.write(chosenSuites, dir.resolve("suites.img")));

        // The shard is taken over the whole model x suite matrix, so n machines split it evenly.
        record Case(HardwareModel model, Suite suite) {
        }
        List<Case> matrix = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (HardwareModel m : chosen) {
            String why = Multiboot.unbootable(m, guest);
            if (why != null) {
                skipped.add(why);
                progress.note("skipping " + m.name() + ": " + why);
                continue;
            }
            for (Suite s : chosenSuites) matrix.add(new Case(m, s));
        }
        List<Case> mine = sh.select(matrix, c -> c.model().name() + "/" + c.suite().name());

        Harness harness = new Harness(machine.harness(progress));
        List<RunResult> results = new ArrayList<>();
        for (HardwareModel m : chosen) {
            Map<String, String> vars = new LinkedHashMap<>(ModelVars.of(m));
            vars.put("arch", arch.arch().objtype);
            List<Scenario> scenarios = new ArrayList<>();
            for (Case c : mine) {
                if (c.model() != m) continue;
                scenarios.add(ScenarioLoader.parse(c.suite().scenarioYaml(), "suites/" + c.suite().name() + "/suite.yaml",
                        null, vars));
            }
            if (scenarios.isEmpty()) continue;
            TestReport r = harness.test(new TestRequest("ants-" + m.name(), List.of(m), scenarios, guest, null, a, scale,
                    jobs, Shard.ALL, dir.resolve(m.name()), machine.keep));
            results.addAll(r.results());
        }
        long passed = results.stream().filter(RunResult::passed).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kernel", kernel.toString());
        summary.put("report", dir.toString());
        summary.put("shard", sh.index() + "/" + sh.count());
        summary.put("passed", passed);
        summary.put("failed", results.size() - passed);
        summary.put("skipped", skipped);
        summary.put("results", results);
        StringBuilder human = new StringBuilder();
        for (RunResult r : results) human.append(r.summary()).append('\n');
        for (String why : skipped) human.append("SKIPPED ").append(why).append('\n');
        human.append(String.format("ants test: %d passed, %d failed (report in %s)", passed, results.size() - passed, dir));
        out.print(summary, human.toString());
        return combine(results);
    }

    /** 3 if any run met an infrastructure problem, else 1 if any failed, else 0; 130 when interrupted. */
    static int combine(List<RunResult> results) {
        if (results.stream().anyMatch(r -> r.exitCode() == 130)) return 130;
        if (results.stream().anyMatch(r -> r.exitCode() == 3 || r.exitCode() == 2)) return 3;
        return results.stream().anyMatch(r -> r.exitCode() == 1) ? 1 : 0;
    }
}
