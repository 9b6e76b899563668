package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

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
    public Void run(Progress progress) throws Exception {
        if (build.sync()) {
            // A patched file is the tree's again; its objects are newer than it, so start clean.
            progress.note("a file left the patch overlay: rebuilding " + build.root() + " from scratch");
            FileTrees.deleteTree(build.root().resolve("root"));
            build.sync();
        }
        ns.prepareBin();
        return null;
    }
}
