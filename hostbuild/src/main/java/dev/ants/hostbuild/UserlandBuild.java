package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.manifest.UserlandManifest;
import dev.ants.core.Sha256;
import dev.ants.core.host.Parallelism;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a tree's whole userland the way {@code cd /sys/src && mk install} does on 9front: the
 * libraries, APE, then /acme, sys/src/cmd and sys/src/games, in the same namespace and cached build
 * root as the kernel build. What mk install wrote (the /$objtype tree, /acme/bin/$objtype and the
 * additions to /rc/bin and /sys/lib) is published into the output directory, laid out like a Plan 9
 * root, with {@code userland.json}. What a mkfile installs in $home lands in {@code usr/USER/bin}. A
 * failing directory does not stop the others: the manifest lists it, and the result carries it, so
 * the caller can report it and fail (unless {@code strict}, which stops at the first).
 */
public final class UserlandBuild {
    /** The manifest written next to the published tree. */
    public static final String MANIFEST = UserlandManifest.FILE;

    /**
     * @param dir       the output directory (a Plan 9 root: {@code amd64/bin/...}, {@code acme/bin/amd64/...})
     * @param binaries  Plan 9 executables of the architecture among the published files
     * @param files     all published files
     * @param tolerated directories that failed but are listed as known failures, with the reason
     * @param failed    directories that failed and are not known failures, with mk's report
     */
    public record Result(Path dir, int binaries, int files, Map<String, String> tolerated, Map<String, String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    private UserlandBuild() {
    }

    public static Result build(Path tree, Arch arch, Path outDir, Progress progress) {
        return build(tree, arch, outDir, HostToolchain.defaultCacheRoot(), progress);
    }

    public static Result build(Path tree, Arch arch, Path outDir, Path cacheRoot, Progress progress) {
        return build(tree, arch, outDir, cacheRoot, Parallelism.defaultJobs(), false, progress);
    }

    /**
     * @param outDir a new or empty directory, or one an earlier userland build wrote (it is replaced)
     * @param jobs   how many compiles and recipes run at once
     * @param strict stop at the first directory that fails (not a known failure), writing nothing
     */
    public static Result build(Path tree, Arch arch, Path outDir, Path cacheRoot, int jobs, boolean strict,
                               Progress progress) {
        NineFrontTree t = NineFrontTree.open(tree);
        Path out = outDir.toAbsolutePath().normalize();
        requireReplaceable(out);
        BuildContext c = BuildContext.open(t, arch, cacheRoot, null, jobs, progress);
        return c.locked(out, ctx -> buildLocked(ctx, out, strict));
    }

    private static Result buildLocked(BuildContext c, Path out, boolean strict) throws IOException {
        String inputs = UserlandStamp.inputs(c);
        Optional<UserlandStamp> done = UserlandStamp.matching(c, inputs);
        if (done.isPresent()) {
            c.steps.progress().note("userland " + c.arch.objtype + ": built before from these inputs and unchanged since, published as it is");
            return publish(c, out, new LinkedHashMap<>(done.get().tolerated()), new LinkedHashMap<>());
        }
        UserlandStamp.clear(c);
        DirectoryInstaller installer = new DirectoryInstaller(c.build, c.mk, KnownFailures.load(), strict);
        c.steps.run(new PrepareBuildRootStep(c.build, c.ns));
        c.steps.run(new BuildLibrariesStep(c.tree.root(), c.mk));
        c.steps.run(new BuildApeStep(c.mk, installer));
        c.steps.run(new BuildCommandsStep(c.tree.root(), c.mk, installer));
        Map<String, String> tolerated = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (DirectoryInstaller.Failure f : installer.failures()) {
            if (f.tolerated() != null) tolerated.put(f.dir(), f.tolerated());
            else failed.put(f.dir(), f.message());
        }
        if (failed.isEmpty()) UserlandStamp.save(c, inputs, tolerated);
        return publish(c, out, tolerated, failed);
    }

    /** One line per failed directory, for the command's report; the manifest and the log have the rest. */
    public static String describeFailures(Result r, Path log) {
        StringBuilder b = new StringBuilder();
        b.append(r.failed().size()).append(" userland director").append(r.failed().size() == 1 ? "y" : "ies")
                .append(" failed to build (listed in ").append(r.dir().resolve(MANIFEST)).append("):");
        r.failed().forEach((d, m) -> b.append("\n  ").append(d).append(": ").append(firstLine(m)));
        if (log != null) b.append("\nfull log: ").append(log);
        return b.toString();
    }

    private static String firstLine(String m) {
        for (String l : m.split("\n")) {
            String t = l.strip();
            if (t.startsWith("failing command:")) return t;
        }
        return m.split("\n", 2)[0];
    }

    /** An existing output must be a directory that is empty or holds an earlier userland build. */
    private static void requireReplaceable(Path out) {
        if (!Files.exists(out)) return;
        boolean ok = Files.isDirectory(out);
        if (ok && !Files.exists(out.resolve(MANIFEST))) {
            try (Stream<Path> s = Files.list(out)) {
                ok = s.findAny().isEmpty();
            } catch (IOException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw AntsException.badInput("output " + out + " exists and is neither empty nor an earlier userland output",
                    "pass -o with a new or empty directory");
        }
    }

    /** The shadow's real files (not links to the tree) that mk install wrote, as Plan 9 root-relative paths. */
    static List<String> installed(BuildRoot build, Arch arch) throws IOException {
        List<String> roots = List.of(arch.objtype, "acme/bin/" + arch.objtype, "rc", "sys/lib", BuildRoot.HOME.substring(1));
        List<String> r = new ArrayList<>();
        Path base = build.root().resolve("root");
        for (String rel : roots) {
            Path d = base.resolve(rel);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .map(p -> base.relativize(p).toString()).sorted().forEach(r::add);
            }
        }
        return r;
    }

    private static Result publish(BuildContext c, Path out, Map<String, String> tolerated, Map<String, String> failed)
            throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Leftovers.removeStale(parent);
        Path tmp = parent.resolve(Leftovers.tempName(out.getFileName().toString()));
        Path old = parent.resolve(Leftovers.tempName(out.getFileName() + "-old"));
        Path base = c.build.root().resolve("root");
        try {
            Map<String, String> sums = new TreeMap<>();
            int binaries = 0;
            for (String rel : installed(c.build, c.arch)) {
                Path to = tmp.resolve(published(rel));
                Files.createDirectories(to.getParent());
                sums.put(published(rel), copy(base.resolve(rel), to));
                if (isExecutable(to, c.arch)) binaries++;
            }
            MessageDigest all = Sha256.digest();
            for (Map.Entry<String, String> e : sums.entrySet()) {
                all.update((e.getValue() + "  " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            new UserlandManifest(c.treeIdentity(), c.arch.objtype, c.toolchain.key(), binaries, sums.size(),
                    Sha256.hex(all.digest()), tolerated, failed, sums).write(tmp);
            // swap in: the old output (if any) moves aside first, so out is never half-written
            if (Files.exists(out)) Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            return new Result(out, binaries, sums.size(), tolerated, failed);
        } finally {
            FileTrees.deleteTree(tmp);
            FileTrees.deleteTree(old);
        }
    }

    /** Where a file of the build root lands in the output: $home's files under usr/USER, as on 9front. */
    static String published(String rel) {
        String home = BuildRoot.HOME.substring(1) + "/";
        return rel.startsWith(home) ? "usr/" + BuildRoot.USER + "/" + rel.substring(home.length()) : rel;
    }

    private static String copy(Path from, Path to) throws IOException {
        MessageDigest md = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), md)) {
            Files.copy(in, to);
        }
        to.toFile().setExecutable(Files.isExecutable(from), false);
        return Sha256.hex(md.digest());
    }

    /** A Plan 9 a.out of {@code arch}: its magic, big-endian, at offset 0. */
    public static boolean isExecutable(Path f, Arch arch) throws IOException {
        if (Files.size(f) < 32) return false;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(f))) {
            return in.readInt() == arch.aoutMagic;
        }
    }

}
