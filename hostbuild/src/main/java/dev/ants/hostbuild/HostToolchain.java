package dev.ants.hostbuild;

import dev.ants.core.host.Parallelism;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Plan 9 toolchain for the Linux host, built from a 9front tree by {@link #bootstrap}: mk, rc,
 * yacc, the 5/6/7/8 compilers, assemblers and loaders, ar and the helpers kernel builds call, plus the
 * compatibility layer's libraries for cputype=linux generators. Laid out as
 * {@code bin/ lib/ include/ linux/mkfile toolchain.json} in a cache directory named by its key.
 */
public final class HostToolchain {
    /** Where the namespace of a target build mounts this directory; rc and the scripts expect it. */
    public static final String MOUNT_POINT = "/.ants";

    private final Path dir;
    private final String key;

    HostToolchain(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    /** Builds the toolchain from {@code tree}, or returns the cached one with the same key. */
    public static HostToolchain bootstrap(Path tree, Progress progress) {
        return bootstrap(tree, defaultCacheRoot(), progress);
    }

    public static HostToolchain bootstrap(Path tree, Path cacheRoot, Progress progress) {
        return bootstrap(tree, cacheRoot, Parallelism.defaultJobs(), progress);
    }

    /** @param jobs how many compiles run at once */
    public static HostToolchain bootstrap(Path tree, Path cacheRoot, int jobs, Progress progress) {
        NineFrontTree t = NineFrontTree.open(tree);
        return new StepRunner(progress).run(new BootstrapToolchainStep(t, cacheRoot.resolve("toolchain"), jobs));
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/ants}. */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ants");
    }

    public Path dir() {
        return dir;
    }

    public String key() {
        return key;
    }

    public Path bin() {
        return dir.resolve("bin");
    }

    public Path tool(String name) {
        return bin().resolve(name);
    }

    boolean isComplete() {
        return Files.isRegularFile(dir.resolve("toolchain.json"));
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
