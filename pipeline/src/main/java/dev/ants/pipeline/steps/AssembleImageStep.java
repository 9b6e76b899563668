package dev.ants.pipeline.steps;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.pipeline.Step;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.hostbuild.Arch;
import dev.ants.image.BootLoaders;
import dev.ants.image.DiskImageBuilder;
import dev.ants.image.DiskImageSpec;
import dev.ants.image.ModelHint;
import dev.ants.image.Plan9Ini;
import dev.ants.image.disk.DiskLayout;
import dev.ants.pipeline.PipelineConfig;
import dev.ants.pipeline.ImageRequest;
import dev.ants.pipeline.Kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds what an image needs and assembles it: the kernel of the configuration, the 386 boot loaders
 * (from that kernel's build on 386, from a stock 386 build otherwise), and the disk. The request is
 * checked first, so bad input fails before minutes of building.
 */
public final class AssembleImageStep implements Step<DiskImageBuilder.Result> {
    private final PipelineConfig config;
    private final ImageRequest request;

    public AssembleImageStep(PipelineConfig config, ImageRequest request) {
        this.config = config;
        this.request = request;
    }

    @Override
    public String description() {
        return "image " + request.output().getFileName();
    }

    @Override
    public DiskImageBuilder.Result run(Progress progress) throws Exception {
        Path out = request.output().toAbsolutePath().normalize();
        config.tree().requireOutside(out, "-o");
        DiskLayout.forBytes(request.sizeBytes());
        Plan9Ini.text(config.arch().kernel, request.settings());
        if (request.fs() != ImageRequest.RootFs.NONE) {
            throw new AntsException(ExitCode.ENVIRONMENT,
                    "not implemented yet: formatting a root file system happens in the guest (--fs " + request.fs().id() + ")",
                    "use --fs none for a boot disk with an empty fs partition");
        }
        List<ModelHint> hints = config.models().all().stream().map(m -> new ModelHint(m.name(), m.disk9(), m.uefi())).toList();
        Path work = Files.createTempDirectory("ants-image-");
        // a signal ends the JVM through shutdown hooks only: the kernel copies go there too
        try (Cleanup.Registration r = Cleanup.onExit("remove " + work, () -> FileTrees.deleteQuietly(work))) {
            StepRunner steps = new StepRunner(progress);
            Kernel kernel = steps.run(new MakeKernelStep(config, work.resolve("kernel")));
            BootLoaders loaders = config.arch() == Arch.I386 ? BootLoaders.in(kernel.file().getParent())
                    : steps.run(new MakeLoadersStep(config));
            DiskImageSpec spec = new DiskImageSpec(config.arch().objtype, kernel.file(), loaders, request.sizeBytes(),
                    request.format(), request.settings(), hints);
            return DiskImageBuilder.build(spec, out, progress);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }
}
