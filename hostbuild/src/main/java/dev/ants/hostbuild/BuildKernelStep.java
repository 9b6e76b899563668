package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the kernel directory's own mkfile (portmkfile, bootmkfile, mkbootrules) to link the kernel. */
final class BuildKernelStep implements Step<Path> {
    private final KernelConfig kc;
    private final BuildRoot build;
    private final MkRunner mk;

    BuildKernelStep(KernelConfig kc, BuildRoot build, MkRunner mk) {
        this.kc = kc;
        this.build = build;
        this.mk = mk;
    }

    @Override
    public String description() {
        return "build kernel " + kc.kernel();
    }

    @Override
    public Path run(Progress progress) throws Exception {
        // CONF= selects the configuration; the mkfile's own CONF is only its default
        mk.mk("/" + kc.kernelDir(), "CONF=" + kc.conf(), kc.kernel());
        Path k = build.shadow(kc.kernelDir()).resolve(kc.kernel());
        if (!Files.isRegularFile(k) || Files.size(k) == 0) {
            throw AntsException.environment("mk finished but " + k + " is missing or empty", "see " + mk.log());
        }
        return k;
    }
}
