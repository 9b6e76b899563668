package dev.ants.hostbuild;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

/**
 * Installs APE (sys/src/ape: its libraries, commands and 9src) with its own mkfile. It must come
 * before the commands: aux and others link APE libraries, and a missing one stops aux's loop early.
 */
final class BuildApeStep implements Step<Void> {
    private final MkRunner mk;
    private final DirectoryInstaller installer;

    BuildApeStep(MkRunner mk, DirectoryInstaller installer) {
        this.mk = mk;
        this.installer = installer;
    }

    @Override
    public String description() {
        return "build APE";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        installer.install("build APE", InstallUnits.expand(mk, SourceOrder.APE), progress);
        return null;
    }
}
