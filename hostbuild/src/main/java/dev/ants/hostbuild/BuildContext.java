package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileLocks;
import dev.ants.core.manifest.TreeIdentity;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every target build of one tree and architecture shares: the bootstrapped toolchain, the
 * cached build root, the namespace over both and the mk runner. Kernel and userland builds of a
 * stock tree use the same build root, so each reuses the other's libraries and programs.
 */
final class BuildContext {
    interface Work<T> {
        T run(BuildContext c) throws IOException;
    }

    final NineFrontTree tree;
    final Arch arch;
    final HostToolchain toolchain;
    final BuildRoot build;
    final PlanNineNamespace ns;
    final MkRunner mk;
    final StepRunner steps;
    final int jobs;
    /** Where finished outputs are kept by their inputs (see {@link OutputCache}). */
    final Path outputs;

    private BuildContext(NineFrontTree tree, Arch arch, HostToolchain toolchain, BuildRoot build, StepRunner steps,
                         int jobs, Path outputs) {
        this.tree = tree;
        this.arch = arch;
        this.toolchain = toolchain;
        this.build = build;
        this.ns = new PlanNineNamespace(tree.root(), build, toolchain, arch, jobs);
        this.mk = new MkRunner(ns, build);
        this.steps = steps;
        this.jobs = jobs;
        this.outputs = outputs;
    }

    /**
     * Bootstraps (or finds cached) the toolchain and names the build root; builds nothing yet.
     *
     * @param jobs how many compiles (bootstrap) and recipes (mk's NPROC) run at once
     */
    static BuildContext open(NineFrontTree t, Arch arch, Path cacheRoot, Path overlay, int jobs, Progress progress) {
        StepRunner steps = new StepRunner(progress);
        HostToolchain tc = steps.run(new BootstrapToolchainStep(t, cacheRoot.resolve("toolchain"), jobs));
        // one build root per toolchain too: mk sees only mtimes, so objects of other compilers would pass for done
        Path root = cacheRoot.resolve("build").resolve(KernelBuild.buildId(t.root(), arch, overlay != null)
                + "-tc" + tc.key().substring(0, 8));
        return new BuildContext(t, arch, tc, new BuildRoot(t.root(), root, overlay), steps, jobs,
                cacheRoot.resolve("outputs"));
    }

    /** Runs {@code work} holding the build root's lock; an I/O failure becomes an environment error. */
    <T> T locked(Path out, Work<T> work) {
        try (FileLocks.Held lock = FileLocks.acquire(build.root().resolve(".lock"))) {
            List<String> undone = UnfinishedRun.recover(build);
            if (!undone.isEmpty()) {
                steps.progress().note("removed " + undone.size() + " file(s) an interrupted build left half written in " + build.root());
            }
            try {
                return work.run(this);
            } catch (IOException e) {
                throw new AntsException(ExitCode.ENVIRONMENT, "cannot write " + out + ": " + e.getMessage(),
                        "check free space and permissions", e);
            }
        } catch (IOException e) {
            throw new AntsException(ExitCode.ENVIRONMENT, "cannot lock build directory " + build.root() + ": "
                    + e.getMessage(), "check permissions of " + build.root(), e);
        }
    }

    /** The tree's identity for a manifest: its git revision, or a content hash when it has no git metadata. */
    TreeIdentity treeIdentity() throws IOException {
        String rev = tree.gitRevision();
        return new TreeIdentity(tree.root().toString(), rev, rev != null ? null : KernelBuild.contentHash(tree.root()));
    }
}
