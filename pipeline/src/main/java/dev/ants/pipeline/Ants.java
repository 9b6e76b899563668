package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.core.host.Parallelism;
import dev.ants.core.manifest.KernelManifest;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.BootRequest;
import dev.ants.harness.Harness;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.Runner;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Guest;
import dev.ants.harness.report.RunResult;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.hostbuild.UserlandBuild;
import dev.ants.image.BootLoaders;
import dev.ants.image.DiskImageBuilder;
import dev.ants.patch.PatchSet;
import dev.ants.patch.PatchSetSource;
import dev.ants.pipeline.steps.AssembleImageStep;
import dev.ants.pipeline.steps.ModelVars;
import dev.ants.pipeline.steps.RunSuitesStep;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    private final NineFrontTree tree;
    private final Arch arch;
    private final PatchSet patches;
    private final Path cacheDir;
    private final Progress progress;
    private final ModelCatalog models;
    private final int jobs;

    private Ants(Builder b) {
        this.tree = b.tree == null ? null : NineFrontTree.open(b.tree);
        this.arch = b.arch;
        this.patches = b.stock ? null : b.patches != null ? b.patches : PatchSetSource.builtIn();
        this.cacheDir = b.cacheDir != null ? b.cacheDir : HostToolchain.defaultCacheRoot();
        this.progress = b.progress;
        this.models = b.models != null ? b.models : ModelCatalog.builtIn();
        this.jobs = b.jobs > 0 ? b.jobs : Parallelism.defaultJobs();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to derive another one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.tree = tree == null ? null : tree.root();
        b.arch = arch;
        b.patches = patches;
        b.stock = patches == null;
        b.cacheDir = cacheDir;
        b.progress = progress;
        b.models = models;
        b.jobs = jobs;
        return b;
    }

    /** The same configuration reporting under another progress node (a step's own). */
    public Ants withProgress(Progress p) {
        return toBuilder().progress(p).build();
    }

    /** The host toolchain built from the tree (cached by content). */
    public HostToolchain toolchain() {
        return HostToolchain.bootstrap(tree().root(), cacheDir, progress);
    }

    /** The kernel of this configuration (with the patch set unless stock) and its manifest, in {@code outDir}. */
    public Kernel kernel(Path outDir) {
        try (Progress p = progress.child("kernel " + arch.kernel + (patches == null ? " (stock)" : ""))) {
            Path k = KernelBuild.build(tree().root(), arch, outDir, cacheDir, patches, p);
            return new Kernel(k, KernelManifest.read(k.getParent()));
        }
    }

    /**
     * The PC boot code (mbr, pbs, 9bootfat): 386 code whatever the kernel, so it comes from a stock
     * 386 build of the tree, kept in the cache beside that build.
     */
    public BootLoaders loaders() {
        return BootLoaders.in(bootCodeDir());
    }

    /**
     * The UEFI loaders the tree builds with its boot code (sys/src/boot/efi), as 9fat files:
     * {@code efi/boot/bootx64.efi} and {@code efi/boot/bootia32.efi}; empty when the tree has none.
     */
    public static Map<String, byte[]> efiLoaders(Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String n : List.of("bootx64.efi", "bootia32.efi")) {
            Path f = dir.resolve(n);
            try {
                if (java.nio.file.Files.isRegularFile(f)) out.put("efi/boot/" + n, java.nio.file.Files.readAllBytes(f));
            } catch (java.io.IOException e) {
                throw AntsException.environment("cannot read " + f + ": " + e.getMessage(), "rebuild: remove " + dir);
            }
        }
        return out;
    }

    /** The stock 386 build's outputs (mbr, pbs, 9boot*, the UEFI loaders), kept in the cache beside that build. */
    public Path bootCodeDir() {
        Path dir = cacheDir.resolve("loaders").resolve(Sha256.of(tree().root().toString()).substring(0, 16));
        try (Progress p = progress.child("boot loaders (386)")) {
            KernelBuild.stock(tree().root(), Arch.I386, dir, cacheDir, p);
        }
        return dir;
    }

    /** The whole userland, laid out as a Plan 9 root in {@code outDir} with userland.json. */
    public UserlandBuild.Result userland(Path outDir) {
        try (Progress p = progress.child("userland " + arch.objtype)) {
            return UserlandBuild.build(tree().root(), arch, outDir, cacheDir, p);
        }
    }

    /** A bootable disk image and its manifest, as {@code request} says. */
    public DiskImageBuilder.Result image(ImageRequest request) {
        return new StepRunner(progress).run(new AssembleImageStep(this, request));
    }

    /**
     * Boots one guest and runs the request's scenario (or watches it until it powers off); with
     * {@code in} and {@code out}, the terminal is attached to the serial console instead.
     */
    public RunResult boot(BootRequest request, InputStream in, OutputStream out) {
        requireBootable(request);
        Harness h = harness(request.runner());
        return in == null ? h.boot(request) : h.attach(request, in, out);
    }

    /** The QEMU command line {@link #boot} would run; nothing starts. */
    public List<String> dryRun(BootRequest request) {
        requireBootable(request);
        return harness(request.runner()).dryRun(request);
    }

    /** What a scenario on this model and guest may use: the model's facts, the arch, and an image's hints. */
    public Map<String, String> scenarioVars(HardwareModel m, Guest g) {
        Map<String, String> v = new LinkedHashMap<>(ModelVars.of(m));
        v.put("arch", arch.objtype);
        if (g.disk() != null && g.kernel() == null) v.putAll(ImageHints.forModel(g.disk(), m.name()));
        return v;
    }

    private static void requireBootable(BootRequest r) {
        if (r.guest().disk() != null) {
            ImageHints.requireBootable(r.guest().disk(), r.model().name(), ImageHints.forModel(r.guest().disk(), r.model().name()));
        }
    }

    /** A harness reporting under this configuration's progress. */
    public Harness harness(Runner runner) {
        HarnessOptions o = new HarnessOptions();
        o.progress = progress;
        if (runner != null) o.runner = runner;
        return new Harness(o);
    }

    /** The regression suites on the chosen models, from this tree's kernel or from an image. */
    public TestOutcome test(TestRequest request) {
        return new StepRunner(progress).run(new RunSuitesStep(this, request));
    }

    public NineFrontTree tree() {
        if (tree == null) throw AntsException.badInput("no 9front tree given (--tree DIR, or ANTS_9FRONT_TREE)",
                NineFrontTree.HOW_TO_GET_ONE);
        return tree;
    }

    public boolean hasTree() {
        return tree != null;
    }

    public Arch arch() {
        return arch;
    }

    /** The patch set kernels are built with, or null for stock kernels. */
    public PatchSet patches() {
        return patches;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    public Progress progress() {
        return progress;
    }

    public ModelCatalog models() {
        return models;
    }

    public int jobs() {
        return jobs;
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

        /** Validates the tree (bad input when it is not a 9front tree) and freezes the configuration. */
        public Ants build() {
            return new Ants(this);
        }
    }
}
