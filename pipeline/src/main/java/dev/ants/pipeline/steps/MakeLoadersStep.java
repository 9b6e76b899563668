package dev.ants.pipeline.steps;

import dev.ants.core.Sha256;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.image.BootLoaders;
import dev.ants.pipeline.PipelineConfig;

import java.nio.file.Path;

/**
 * The PC boot code (mbr, pbs, 9bootfat): 386 code whatever the kernel, so it comes from a stock 386
 * build of the tree, published in the cache beside that build.
 */
public final class MakeLoadersStep implements Step<BootLoaders> {
    private final PipelineConfig config;

    public MakeLoadersStep(PipelineConfig config) {
        this.config = config;
    }

    @Override
    public String description() {
        return "boot loaders (386)";
    }

    @Override
    public BootLoaders run(Progress progress) {
        Path dir = dir(config);
        KernelBuild.stock(config.tree().root(), Arch.I386, dir, config.cacheDir(), progress);
        return BootLoaders.in(dir);
    }

    /** Where the stock 386 build's outputs (mbr, pbs, 9boot*, the UEFI loaders) are published in the cache. */
    public static Path dir(PipelineConfig config) {
        return config.cacheDir().resolve("loaders").resolve(Sha256.of(config.tree().root().toString()).substring(0, 16));
    }
}
