package dev.ants.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.harness.Harness;
import dev.ants.harness.HarnessOptions;
import dev.ants.harness.Runner;
import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ImageHints;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Guest;
import dev.ants.core.progress.Progress;
import dev.ants.hostbuild.Arch;
import dev.ants.hostbuild.KernelConfig;
import dev.ants.patch.PatchSet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every step of the pipeline reads, frozen once (Jib's {@code BuildContext}): the tree (null when
 * only an image is tested), the architecture, the patch set (null: stock kernels), the cache, the
 * hardware models, the job count, and whether a userland build stops at its first failure. {@link Ants} makes it; steps take it, and never Ants itself.
 */
public record PipelineConfig(NineFrontTree treeOrNull, Arch arch, KernelConfig kernelConfig, PatchSet patches,
                             Path cacheDir, ModelCatalog models, int jobs, boolean strict) {

    public NineFrontTree tree() {
        if (treeOrNull == null) throw AntsException.badInput("no 9front tree given (--tree DIR, or ANTS_9FRONT_TREE)",
                NineFrontTree.HOW_TO_GET_ONE);
        return treeOrNull;
    }

    /** What a scenario on this model and guest may use: the model's facts, the arch, and an image's hints. */
    public Map<String, String> scenarioVars(HardwareModel m, Guest g) {
        Map<String, String> v = new LinkedHashMap<>(m.vars());
        v.put("arch", arch.objtype);
        if (g.disk() != null && g.kernel() == null) v.putAll(ImageHints.forModel(g.disk(), m.name()));
        return v;
    }

    /** A harness reporting under {@code progress}, running QEMU as {@code runner} says (null: on the host). */
    public Harness harness(Progress progress, Runner runner) {
        HarnessOptions o = new HarnessOptions();
        o.progress = progress;
        if (runner != null) o.runner = runner;
        return new Harness(o);
    }
}
