package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.Json;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the host toolchain for a tree in the cache by its key, or builds it ({@link ToolchainBuild})
 * in an owner-stamped temporary directory that is renamed into the cache when complete, so a cache
 * entry is either whole or absent, and a killed run's leftovers are removed by the next one.
 */
final class BootstrapToolchainStep implements Step<HostToolchain> {
    private final NineFrontTree tree;
    private final Path cacheDir;
    private final int jobs;

    BootstrapToolchainStep(NineFrontTree tree, Path cacheDir, int jobs) {
        this.tree = tree;
        this.cacheDir = cacheDir;
        this.jobs = jobs;
    }

    @Override
    public String description() {
        return "bootstrap host toolchain";
    }

    @Override
    public HostToolchain run(Progress progress) throws Exception {
        HostToolList list = HostToolList.load();
        OwnSources own = OwnSources.load();
        String gcc = HostChecks.gccVersion();
        ToolchainPlan plan = ToolchainPlan.read(tree, list);
        String key = plan.key(own, gcc);
        HostToolchain cached = new HostToolchain(cacheDir.resolve(key), key);
        if (cached.isComplete()) {
            progress.note("host toolchain: cached " + cached.dir());
            return cached;
        }
        HostChecks.requireGcc();
        HostChecks.requireBwrap();
        Files.createDirectories(cacheDir);
        Leftovers.removeStale(cacheDir);
        Path tmp = cacheDir.resolve(Leftovers.tempName(key));
        try (Cleanup.Registration r = Cleanup.onExit("remove " + tmp, () -> FileTrees.deleteQuietly(tmp))) {
            Path out = new ToolchainBuild(tree, plan, own, tmp, jobs, progress).run();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("key", key);
            info.put("tree", tree.root().toString());
            info.put("gcc", gcc);
            info.put("tools", list.tools().stream().map(HostToolList.Unit::name).toList());
            Files.writeString(out.resolve("toolchain.json"), Json.write(info));
            publish(out, cached.dir());
            return cached;
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /**
     * Moves a finished toolchain to its key's directory. Two cold builds of one tree race here: the
     * loser keeps the winner's copy, which has the same content (issue 15: one of them used to fail).
     */
    static void publish(Path out, Path dir) throws IOException {
        try {
            Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish the toolchain atomically in " + dir.getParent(), e);
        } catch (FileSystemException e) {
            // rename(2) onto a non-empty directory: Java reports ENOTEMPTY as a plain FileSystemException.
            // Another process published the same key meanwhile, with the same content: use theirs.
            if (!Files.isRegularFile(dir.resolve("toolchain.json"))) throw e;
        }
    }
}
