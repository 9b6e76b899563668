package dev.ants.cli;

import dev.ants.core.progress.Progress;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.hostbuild.Arch;
import dev.ants.pipeline.Ants;

import java.nio.file.Path;

/** The pipeline configuration a command's options describe. */
public final class Configure {
    private Configure() {
    }

    /** A configuration over a validated tree (bad input, exit 2, before any work). */
    public static Ants.Builder ants(Path tree, Arch arch, Progress progress) {
        return Ants.builder().tree(Inputs.tree(tree).root()).arch(arch).progress(progress);
    }

    /** A configuration without a tree, for work on an existing image. */
    public static Ants.Builder treeless(Arch arch, Progress progress, ModelCatalog models) {
        return Ants.builder().arch(arch).progress(progress).models(models);
    }
}
