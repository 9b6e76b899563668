package dev.ants.hostbuild;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs everything sys/src/mkfile builds after the libraries and APE: /acme, sys/src/cmd and
 * sys/src/games in the mkfile's order, each split into its top level and its subdirectories so
 * progress and failures are per directory.
 */
final class BuildCommandsStep implements Step<Void> {
    private final Path tree;
    private final MkRunner mk;
    private final DirectoryInstaller installer;

    BuildCommandsStep(Path tree, MkRunner mk, DirectoryInstaller installer) {
        this.tree = tree;
        this.mk = mk;
        this.installer = installer;
    }

    @Override
    public String description() {
        return "build commands";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        List<InstallUnits.Unit> units = new ArrayList<>();
        for (String d : SourceOrder.subsystemsAndCommands(tree)) {
            if (!d.equals(SourceOrder.APE)) units.addAll(InstallUnits.expand(mk, d));
        }
        installer.install("build commands", units, progress);
        return null;
    }
}
