package dev.ants.it;

import dev.ants.core.AntsException;
import dev.ants.core.host.Parallelism;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.hostbuild.HostToolchain;
import dev.ants.hostbuild.KernelBuild;
import dev.ants.hostbuild.KernelConfig;
import dev.ants.patch.PatchSet;
import dev.ants.patch.PatchSetSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Links every kernel of ANTS_9FRONT_TREE that the host toolchain can target (each configuration in
 * CONFLIST of each sys/src/9 directory whose objtype is amd64, 386, arm or arm64): stock, and with the
 * ANTS patch set, which must link everywhere since its hooks are in port code every kernel has.
 * Every configuration is tried and every failure listed. Skips without a tree.
 */
@Tag("slow")
class KernelConfigsTest {
    @TempDir
    Path tmp;

    @Test
    void everyTargetableStockKernelLinks() {
        linkAll(null, "stock");
    }

    @Test
    void everyTargetableKernelLinksWithThePatchSet() {
        linkAll(PatchSetSource.builtIn(), "patched");
    }

    private void linkAll(PatchSet set, String what) {
        Path tree = NineFrontTree.fromEnvironment();
        assumeTrue(tree != null, "set ANTS_9FRONT_TREE to a 9front checkout to link all of its kernels");
        List<KernelConfig> all = KernelConfig.all(tree);
        assertTrue(all.stream().anyMatch(k -> k.dir().equals("pc64")), "pc64 is among " + all);
        List<String> failed = new ArrayList<>();
        for (KernelConfig kc : all) {
            Path out = tmp.resolve(what + "-" + kc.dir() + "-" + kc.conf());
            try {
                Path k = KernelBuild.build(tree, kc, out, HostToolchain.defaultCacheRoot(), Parallelism.defaultJobs(),
                        set, Progress.SILENT);
                if (!Files.isRegularFile(k) || Files.size(k) == 0) failed.add(kc.id() + ": no kernel file " + k);
            } catch (AntsException | java.io.IOException e) {
                failed.add(kc.id() + ": " + e.getMessage().lines().filter(l -> l.contains("undefined") || l.contains("failing"))
                        .findFirst().orElse(e.getMessage().lines().findFirst().orElse("")));
            }
        }
        assertTrue(failed.isEmpty(), failed.size() + " of " + all.size() + " " + what + " kernels did not link:\n"
                + String.join("\n", failed));
    }
}
