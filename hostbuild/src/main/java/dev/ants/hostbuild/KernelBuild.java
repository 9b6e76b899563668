package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.AntsException;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.manifest.KernelManifest;
import dev.ants.core.Sha256;
import dev.ants.core.host.Parallelism;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;
import dev.ants.patch.PatchOverlay;
import dev.ants.patch.PatchSet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds a 9front kernel the tree's own way on Linux: host toolchain, libraries, the boot file
 * system's programs, then the kernel directory's mkfile, all inside a private namespace over the
 * tree (never written) and a cached build root (so rebuilds are incremental). The kernel and
 * {@code kernel.json} land in the output directory only when everything succeeded.
 */
public final class KernelBuild {
    private KernelBuild() {
    }

    public static Path build(Path tree, Arch arch, Path outDir, Progress progress) {
        return build(tree, arch, outDir, HostToolchain.defaultCacheRoot(), List.of(), progress);
    }

    /**
     * @param patches names of the patches already applied to {@code tree} (recorded in kernel.json)
     * @return the kernel file in {@code outDir}
     */
    public static Path build(Path tree, Arch arch, Path outDir, Path cacheRoot, List<String> patches,
                             Progress progress) {
        return build(tree, arch, outDir, cacheRoot, null, patches, progress);
    }

    /** The stock kernel of {@code arch}, without any patch set. */
    public static Path stock(Path tree, Arch arch, Path outDir, Path cacheRoot, Progress progress) {
        return build(tree, arch.defaultConfig(), outDir, cacheRoot, Parallelism.defaultJobs(), null, progress);
    }

    /** {@link #build(Path, KernelConfig, Path, Path, int, PatchSet, Progress)} for the architecture's default kernel. */
    public static Path build(Path tree, Arch arch, Path outDir, Path cacheRoot, PatchSet set, Progress progress) {
        return build(tree, arch.defaultConfig(), outDir, cacheRoot, Parallelism.defaultJobs(), set, progress);
    }

    /**
     * Builds kernel {@code kc} with a patch set applied (as an overlay kept in the cache, so rebuilds stay
     * incremental), or the stock kernel when {@code set} is null.
     *
     * @param jobs how many compiles and recipes run at once
     */
    public static Path build(Path tree, KernelConfig kc, Path outDir, Path cacheRoot, int jobs, PatchSet set,
                             Progress progress) {
        NineFrontTree t = NineFrontTree.open(tree);
        if (set == null) return build(t, kc, outDir, cacheRoot, null, List.of(), jobs, progress);
        Path overlayDir = cacheRoot.resolve("overlay").resolve(buildId(t.root(), kc.arch(), true));
        PatchOverlay.Result r = new StepRunner(progress).run(new ApplyPatchOverlayStep(t.root(), set, overlayDir));
        return build(t, kc, outDir, cacheRoot, r.treeAlreadyPatched() ? null : overlayDir, r.patches(), jobs, progress);
    }

    /**
     * @param overlay files laid out like the tree that replace or add to its files (the patch set's
     *                result, see dev.ants.patch.PatchOverlay); null for a stock build
     * @param patches names of the patches in {@code overlay} or already applied to {@code tree}
     * @return the kernel file in {@code outDir}
     */
    public static Path build(Path tree, Arch arch, Path outDir, Path cacheRoot, Path overlay, List<String> patches,
                             Progress progress) {
        return build(NineFrontTree.open(tree), arch.defaultConfig(), outDir, cacheRoot, overlay, patches,
                Parallelism.defaultJobs(), progress);
    }

    private static Path build(NineFrontTree t, KernelConfig kc, Path outDir, Path cacheRoot, Path overlay,
                              List<String> patches, int jobs, Progress progress) {
        Path out = outDir.toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw AntsException.badInput("output " + out + " exists and is not a directory", "pass -o with a directory");
        }
        BuildContext c = BuildContext.open(t, kc.arch(), cacheRoot, overlay, jobs, progress);
        return c.locked(out, ctx -> buildLocked(ctx, kc, out, patches));
    }

    private static Path buildLocked(BuildContext c, KernelConfig kc, Path out, List<String> patches) throws IOException {
        OutputCache cache = new OutputCache(c.outputs.resolve("kernel"));
        String key = outputKey(c, kc);
        Optional<Map<String, Path>> done = cache.find(key);
        if (done.isPresent()) {
            c.steps.progress().note("kernel " + kc.kernel() + ": built before from these inputs, taken from " + cache.dir());
            return publish(c, kc, done.get(), out, patches);
        }
        Map<String, Path> outputs = buildOutputs(c, kc);
        try {
            cache.store(key, outputs);
        } catch (IOException e) {
            // keeping a copy only saves the next build time: this one has succeeded
            c.steps.progress().note("kernel " + kc.kernel() + ": not kept in " + cache.dir() + ": " + e.getMessage());
        }
        return publish(c, kc, outputs, out, patches);
    }

    /** What decides the kernel's bytes: the tree (as mk sees it), the overlay, the configuration, the date, the tools. */
    private static String outputKey(BuildContext c, KernelConfig kc) throws IOException {
        return new OutputCache.Key()
                .stats("tree", c.tree.root())
                .contents("overlay", c.build.overlay())
                .part("config", kc.arch().objtype + " " + kc.id() + " " + kc.kernel())
                .part("epoch", String.valueOf(c.ns.epoch()))
                .part("toolchain", c.toolchain.key())
                .code()
                .hex();
    }

    private static Map<String, Path> buildOutputs(BuildContext c, KernelConfig kc) {
        StepRunner steps = c.steps;
        steps.run(new PrepareBuildRootStep(c.build, c.ns));
        steps.run(new BuildLibrariesStep(c.tree.root(), c.mk));
        steps.run(new BuildBootUserlandStep(c.tree.root(), kc, c.build, c.mk));
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put(kc.kernel(), steps.run(new BuildKernelStep(kc, c.build, c.mk, c.ns.epoch())));
        // the PC boot code is 386 code whatever the kernel: built with the 386 kernel
        if (c.arch == Arch.I386) outputs.putAll(steps.run(new BuildBootLoadersStep(c.tree.root(), c.build, c.mk)));
        return outputs;
    }

    /** One build root per tree path, architecture and stock-or-patched, so the two never share objects. */
    static String buildId(Path tree, Arch arch, boolean patched) {
        return Sha256.of(tree + "\0" + arch.objtype).substring(0, 16) + "-" + arch.objtype
                + (patched ? "-ants" : "");
    }

    /** Copies the outputs and kernel.json into a temporary sibling of {@code out}, then moves them in. */
    private static Path publish(BuildContext c, KernelConfig kc, Map<String, Path> outputs, Path out,
                                List<String> patches) throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Leftovers.removeStale(parent);
        Path tmp = parent.resolve(Leftovers.tempName(out.getFileName().toString()));
        try {
            Files.createDirectories(tmp);
            Map<String, String> sums = new LinkedHashMap<>();
            for (Map.Entry<String, Path> o : outputs.entrySet()) {
                Files.copy(o.getValue(), tmp.resolve(o.getKey()));
                sums.put(o.getKey(), Sha256.of(o.getValue()));
            }
            new KernelManifest(c.treeIdentity(), c.arch.objtype, kc.id(), patches, c.toolchain.key(), sums).write(tmp);
            Files.createDirectories(out);
            List<String> files = new ArrayList<>(outputs.keySet());
            files.add(KernelManifest.FILE);
            for (String f : files) {
                Files.move(tmp.resolve(f), out.resolve(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return out.resolve(kc.kernel());
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /** sha256 over the kernel's inputs in a tree without git metadata: sys/src/9, sys/include and the libraries. */
    static String contentHash(Path tree) throws IOException {
        MessageDigest md = Sha256.digest();
        List<Path> roots = new ArrayList<>(List.of(tree.resolve("sys/src/9"), tree.resolve("sys/include")));
        try (Stream<Path> s = Files.list(tree.resolve("sys/src"))) {
            s.filter(p -> p.getFileName().toString().startsWith("lib")).sorted().forEach(roots::add);
        }
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(tree.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    try (InputStream in = Files.newInputStream(f)) {
                        md.update(in.readAllBytes());
                    }
                }
            }
        }
        return Sha256.hex(md.digest());
    }

}
