package dev.ants.cli.commands;

import dev.ants.cli.ArchOption;
import dev.ants.cli.Configure;
import dev.ants.cli.Inputs;
import dev.ants.cli.MachineOptions;
import dev.ants.cli.OutputOptions;
import dev.ants.cli.VarOptions;
import dev.ants.core.AntsException;
import dev.ants.harness.TestReport;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;
import dev.ants.harness.report.Shard;
import dev.ants.harness.target.TargetFile;
import dev.ants.harness.target.TargetSpec;
import dev.ants.pipeline.Ants;
import dev.ants.pipeline.TestOutcome;
import dev.ants.pipeline.TestRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the ANTS regression suites across hardware models; JUnit XML, JSON and transcripts in --report DIR.",
                "Exit 0 only when something ran and nothing failed; 3 when everything was skipped."})
public final class TestCommand implements Callable<Integer> {
    @Mixin
    OutputOptions out;

    @Mixin
    ArchOption arch;

    @Mixin
    MachineOptions machine;

    static final class Subject {
        @Option(names = "--tree", paramLabel = "T", description = "Build the kernel from this 9front tree, then test it.")
        Path tree;

        @Option(names = "--image", paramLabel = "F", description = "Test an existing disk image (ants image).")
        Path image;
    }

    @ArgGroup(exclusive = true)
    Subject subject;

    @Option(names = "--target", paramLabel = "FILE", description = {"Run on the real machine this target file describes "
            + "(with --image: flash it to the machine's disk first).", "See qemu-harness/README.md, \"Real machines\"."})
    Path target;

    @Option(names = "--suite", paramLabel = "NAME", description = "Suite to run (repeatable; all: every suite; default: those suites/index.yaml names: boot, nswrite, stock).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--models", paramLabel = "a,b|all", defaultValue = "pc-virtio", description = "Models (default pc-virtio).")
    String models;

    @Option(names = "--jobs", paramLabel = "N", description = "Guests at once (default: the machine's processors).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "k/n", description = "Run only shard k of n (1-based) of the model x suite matrix.")
    String shard;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "ants-report", description = "Report directory (default ./ants-report).")
    Path report;

    @Option(names = "--profile", defaultValue = "default", description = "quick, default or nightly: how long the suites run.")
    String profile;

    @Mixin
    VarOptions vars;

    @Option(names = "--no-patches", description = "Test the stock kernel (a baseline for the suites that do not need ANTS).")
    boolean noPatches;

    @Override
    public Integer call() {
        if (jobs != null && jobs < 1) throw AntsException.badInput("--jobs " + jobs + " must be at least 1", "e.g. --jobs 2");
        Path image = subject != null && subject.image != null ? Inputs.existingFile(subject.image, "--image") : null;
        TargetSpec spec = null;
        if (target != null) {
            if (subject != null && subject.tree != null) {
                throw AntsException.badInput("--target runs an image on a real machine, not a tree",
                        "build the image first (ants image --tree T -o F), then: ants test --target FILE --image F");
            }
            spec = TargetFile.load(Inputs.existingFile(target, "--target"));
        }
        Path dir = Inputs.outputDir(report, "--report");
        TestRequest req = (spec != null ? TestRequest.onTarget(spec, dir) : TestRequest.of(machine.models().select(models), dir))
                .withImage(image).withSuites(suites).withShard(Shard.parse(shard))
                .withProfile(TestRequest.Profile.parse(profile)).withVars(vars.vars())
                .withMachine(machine.accel(), machine.timeoutScale(), machine.runner(), machine.keep);
        Ants.Builder b = image != null || spec != null ? Configure.treeless(arch.arch(), out.progress(), machine.models())
                : Configure.ants(subject == null ? null : subject.tree, arch.arch(), out.progress()).models(machine.models());
        Ants ants = b.stock(noPatches).jobs(jobs == null ? 0 : jobs).build();
        if (ants.hasTree()) ants.tree().requireOutside(req.reportDir(), "--report");

        TestOutcome o = ants.test(req);
        TestReport r = o.report();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kernel", o.kernel() == null ? null : o.kernel().toString());
        summary.put("image", o.image() == null ? null : o.image().toString());
        summary.put("report", r.reportDir().toString());
        summary.put("shard", req.shard().index() + "/" + req.shard().count());
        summary.put("exitCode", r.exitCode().code);
        summary.put("why", r.why());
        summary.put("cases", r.cases());
        StringBuilder human = new StringBuilder();
        for (TestCaseResult c : r.cases()) {
            if (c.status() == RunStatus.PASSED) continue;
            human.append(String.format("%-7s %s › %s%s%n", c.status(), c.model(), c.name(),
                    c.message() == null ? "" : ": " + c.message().lines().findFirst().orElse("")));
        }
        human.append("ants test: ").append(r.summary());
        out.print(summary, human.toString());
        return r.exitCode().code;
    }
}
