package dev.ants.pipeline.steps;

import dev.ants.core.manifest.KernelManifest;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.pipeline.Kernel;
import dev.ants.pipeline.PipelineConfig;

import java.nio.file.Path;

/** The configuration's kernel (with its patch set, or stock) built into a directory, with its manifest. */
public final class MakeKernelStep implements Step<Kernel> {
    private final PipelineConfig config;
    private final Path outDir;

    public MakeKernelStep(PipelineConfig config, Path outDir) {
        this.config = config;
        this.outDir = outDir;
    }

    @Override
    public String description() {
        return "kernel " + config.kernelConfig().kernel() + (config.patches() == null ? " (stock)" : "");
    }

    @Override
    public Kernel run(Progress progress) {
        Path root = config.tree().root();
        Path k = KernelBuild.build(root, config.kernelConfig(), outDir, config.cacheDir(), config.jobs(),
                config.patches(), progress);
        return new Kernel(k, KernelManifest.read(k.getParent()));
    }
}
