package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.host.Parallelism;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.Scenario;
import dev.ants.harness.target.TargetSpec;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelConfig;
import dev.ants.hostbuild.UserlandBuild;
import dev.ants.image.BootLoaders;
import dev.ants.image.DiskImageBuilder;
import dev.ants.patch.PatchSet;
import dev.ants.patch.PatchSetSource;
import dev.ants.pipeline.steps.AssembleImageStep;
import dev.ants.pipeline.steps.BootTargetStep;
import dev.ants.pipeline.steps.MakeKernelStep;
import dev.ants.pipeline.steps.MakeLoadersStep;
import dev.ants.pipeline.steps.MakeUserlandStep;
import dev.ants.pipeline.steps.RunOnTargetStep;
import dev.ants.pipeline.steps.RunSuitesStep;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pipeline as a library, in the shape of Jib's {@code JibContainerBuilder}: an immutable
 * configuration made once with {@link #builder()} (tree, architecture, patch set, cache, progress,
 * hardware models, job count), and operations that each produce one result of the pipeline
 * tree → patch → build → image → boot/test. It owns the knowledge of what needs what: an amd64 image
 * needs the stock 386 boot loaders, a test from a tree needs the kernel, everything shares the cache.
 * The CLI, the it-tests and any plugin call this and nothing below it.
 */
public final class Ants {
    private final PipelineConfig config;
    private final Progress progress;

    private Ants(PipelineConfig config, Progress progress) {
        this.config = config;
        this.progress = progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The host toolchain built from the tree (cached by content). */
    public HostToolchain toolchain() {
        return HostToolchain.bootstrap(config.tree().root(), config.cacheDir(), progress);
    }

    /** The kernel of this configuration (with the patch set unless stock) and its manifest, in {@code outDir}. */
    public Kernel kernel(Path outDir) {
        return steps().run(new MakeKernelStep(config, outDir));
    }

    /** The 386 PC boot code, from a stock 386 build of the tree (cached). */
    public BootLoaders loaders() {
        return steps().run(new MakeLoadersStep(config));
    }

    /** The whole userland, laid out as a Plan 9 root in {@code outDir} with userland.json. */
    public UserlandBuild.Result userland(Path outDir) {
        return steps().run(new MakeUserlandStep(config, outDir));
    }

    /** A bootable disk image and its manifest, as {@code request} says. */
    public DiskImageBuilder.Result image(ImageRequest request) {
        return steps().run(new AssembleImageStep(config, request));
    }

    /**
     * Boots one guest and runs the request's scenario (or watches it until it powers off); with
     * {@code in} and {@code out}, the terminal is attached to the serial console instead.
     */
    public RunResult boot(BootRequest request, InputStream in, OutputStream out) {
        requireBootable(request);
        Harness h = config.harness(progress, request.runner());
        return in == null ? h.boot(request) : h.attach(request, in, out);
    }

    /**
     * Boots a real machine: flashes {@code image} to its disk when given (and the target file names
     * one), power-cycles it and runs {@code scenario} on its serial console; the transcript goes to
     * {@code runDir}.
     */
    public RunResult boot(TargetSpec target, Path image, Scenario scenario, Path runDir, double timeoutScale) {
        return steps().run(new BootTargetStep(target, image, scenario, runDir, timeoutScale));
    }

    /** The QEMU command line {@link #boot} would run; nothing starts. */
    public List<String> dryRun(BootRequest request) {
        requireBootable(request);
        return config.harness(progress, request.runner()).dryRun(request);
    }

    /** What a scenario on this model and guest may use: the model's facts, the arch, and an image's hints. */
    public Map<String, String> scenarioVars(HardwareModel m, Guest g) {
        return config.scenarioVars(m, g);
    }

    /** The regression suites on the chosen models, from this tree's kernel or from an image. */
    public TestOutcome test(TestRequest request) {
        return steps().run(request.target() != null ? new RunOnTargetStep(config, request) : new RunSuitesStep(config, request));
    }

    public PipelineConfig config() {
        return config;
    }

    public NineFrontTree tree() {
        return config.tree();
    }

    public boolean hasTree() {
        return config.treeOrNull() != null;
    }

    public ModelCatalog models() {
        return config.models();
    }

    public Progress progress() {
        return progress;
    }

    private StepRunner steps() {
        return new StepRunner(progress);
    }

    private static void requireBootable(BootRequest r) {
        if (r.guest().disk() != null) {
            ImageHints.requireBootable(r.guest().disk(), r.model().name(), ImageHints.forModel(r.guest().disk(), r.model().name()));
        }
    }

    /** Collects a configuration; every setting has a default but the tree. */
    public static final class Builder {
        private Path tree;
        private Arch arch = Arch.AMD64;
        private PatchSet patches;
        private boolean stock;
        private Path cacheDir;
        private Progress progress = Progress.SILENT;
        private ModelCatalog models;
        private int jobs;
        private String kernelConfig;
        private boolean strict;

        private Builder() {
        }

        /** The user's 9front tree; only read. Operations that need none (testing an image) work without. */
        public Builder tree(Path t) {
            this.tree = t;
            return this;
        }

        public Builder arch(Arch a) {
            this.arch = a;
            return this;
        }

        /** The patch set kernels are built with (default: the built-in writable-ns set). */
        public Builder patches(PatchSet set) {
            this.patches = set;
            this.stock = false;
            return this;
        }

        /** Stock kernels, without any patch set: the baseline suites are compared against. */
        public Builder stock(boolean s) {
            this.stock = s;
            return this;
        }

        /** Default {@code ${XDG_CACHE_HOME:-~/.cache}/ants}. */
        public Builder cacheDir(Path d) {
            this.cacheDir = d;
            return this;
        }

        /** The node the operations report under; each operation adds its own children. */
        public Builder progress(Progress p) {
            this.progress = p;
            return this;
        }

        public Builder models(ModelCatalog m) {
            this.models = m;
            return this;
        }

        /** Parallel work (compiles, guests); default the machine's processors. */
        public Builder jobs(int n) {
            if (n < 0) throw AntsException.badInput("jobs " + n + " must be at least 1", "e.g. --jobs 2");
            this.jobs = n;
            return this;
        }

        /**
         * Another kernel of the tree than the architecture's default: {@code DIR} or {@code DIR/CONF} under
         * sys/src/9 (e.g. {@code bcm64/pi4}); it sets the architecture too. Checked against the tree by build().
         */
        public Builder kernelConfig(String spec) {
            this.kernelConfig = spec;
            return this;
        }

        /** A userland build stops at the first directory that fails (default: builds the rest, lists failures). */
        public Builder strict(boolean s) {
            this.strict = s;
            return this;
        }

        /** Validates the tree (bad input when it is not a 9front tree) and freezes the configuration. */
        public Ants build() {
            NineFrontTree t = tree == null ? null : NineFrontTree.open(tree);
            KernelConfig kc = kernelConfig == null ? arch.defaultConfig()
                    : KernelConfig.parse(requireTree(t, "--config").root(), kernelConfig);
            PipelineConfig c = new PipelineConfig(t, kc.arch(), kc,
                    stock ? null : patches != null ? patches : PatchSetSource.builtIn(),
                    cacheDir != null ? cacheDir : HostToolchain.defaultCacheRoot(),
                    models != null ? models : ModelCatalog.builtIn(), jobs > 0 ? jobs : Parallelism.defaultJobs(), strict);
            return new Ants(c, progress);
        }

        private static NineFrontTree requireTree(NineFrontTree t, String what) {
            if (t == null) throw AntsException.badInput(what + " needs a 9front tree (--tree DIR, or ANTS_9FRONT_TREE)",
                    NineFrontTree.HOW_TO_GET_ONE);
            return t;
        }
    }
}
