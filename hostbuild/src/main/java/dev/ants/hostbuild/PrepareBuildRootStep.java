package dev.ants.hostbuild;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.ProgressListener;

/** Syncs the build root's shadow of the tree and lays out the namespace's /bin. */
final class PrepareBuildRootStep implements Step<Void> {
    private final BuildRoot build;
    private final PlanNineNamespace ns;

    PrepareBuildRootStep(BuildRoot build, PlanNineNamespace ns) {
        this.build = build;
        this.ns = ns;
    }

    @Override
    public String description() {
        return "prepare build root";
    }

    @Override
    public Void run(ProgressListener progress) throws Exception {
        build.sync();
        ns.prepareBin();
        return null;
    }
}
