package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the kernel directory's own mkfile (portmkfile, bootmkfile, mkbootrules) to link the kernel. */
final class BuildKernelStep implements Step<Path> {
    private final Arch arch;
    private final BuildRoot build;
    private final MkRunner mk;

    BuildKernelStep(Arch arch, BuildRoot build, MkRunner mk) {
        this.arch = arch;
        this.build = build;
        this.mk = mk;
    }

    @Override
    public String description() {
        return "build kernel " + arch.kernel;
    }

    @Override
    public Path run(Progress progress) throws Exception {
        mk.mk("/" + arch.kernelDir(), arch.kernel);
        Path k = build.shadow(arch.kernelDir()).resolve(arch.kernel);
        if (!Files.isRegularFile(k) || Files.size(k) == 0) {
            throw AntsException.environment("mk finished but " + k + " is missing or empty", "see " + mk.log());
        }
        return k;
    }
}
