package dev.ants.pipeline.steps;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.hostbuild.UserlandBuild;
import dev.ants.pipeline.PipelineConfig;

import java.nio.file.Path;

/** The configuration's whole userland, laid out as a Plan 9 root in a directory with userland.json. */
public final class MakeUserlandStep implements Step<UserlandBuild.Result> {
    private final PipelineConfig config;
    private final Path outDir;

    public MakeUserlandStep(PipelineConfig config, Path outDir) {
        this.config = config;
        this.outDir = outDir;
    }

    @Override
    public String description() {
        return "userland " + config.arch().objtype;
    }

    @Override
    public UserlandBuild.Result run(Progress progress) {
        return UserlandBuild.build(config.tree().root(), config.arch(), outDir, config.cacheDir(), config.jobs(),
                config.strict(), progress);
    }
}
