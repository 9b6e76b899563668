package dev.ants.hostbuild;

import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.patch.PatchOverlay;
import dev.ants.patch.PatchReport;
import dev.ants.patch.PatchSet;

import java.nio.file.Path;

/** Computes the patch set's result as an overlay of the tree (the tree itself is never written). */
final class ApplyPatchOverlayStep implements Step<PatchOverlay.Result> {
    private final Path tree;
    private final PatchSet set;
    private final Path overlayDir;

    ApplyPatchOverlayStep(Path tree, PatchSet set, Path overlayDir) {
        this.tree = tree;
        this.set = set;
        this.overlayDir = overlayDir;
    }

    @Override
    public String description() {
        return "apply patch set " + set.fingerprint().substring(0, 12);
    }

    @Override
    public PatchOverlay.Result run(Progress progress) {
        PatchOverlay.Result r = PatchOverlay.write(tree, set, overlayDir);
        for (PatchReport.VariantReport v : r.variants()) progress.note(v.describe());
        return r;
    }
}
