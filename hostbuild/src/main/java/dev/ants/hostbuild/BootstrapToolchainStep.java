package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.AntsException;
import dev.ants.core.Json;
import dev.ants.core.cleanup.Leftovers;
import dev.ants.core.host.HostProcess;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Builds the host toolchain from the tree with gcc -m32 and our compatibility layer, as
 * {@code host-tools.yaml} describes, into a temporary directory that is renamed into the cache
 * when complete, so a cache entry is either whole or absent.
 */
final class BootstrapToolchainStep implements Step<HostToolchain> {
    /**
     * Flags for the files compiled against glibc (rc's Unix port, our host layer). 64-bit file offsets
     * because a 32-bit program reading a large ext4 directory through qemu-i386 (hosts that cannot run
     * 32-bit code) otherwise gets EOVERFLOW from readdir: rc's globs then match nothing.
     */
    static final List<String> HOST_CFLAGS = List.of("-m32", "-O1", "-w", "-fno-strict-aliasing", "-fcommon",
            "-D_FILE_OFFSET_BITS=64");
    /**
     * Plain units (rc's Unix port) need none of Plan 9's 32-bit assumptions, so they are built for the
     * host itself: rc runs every recipe line, and on hosts that must emulate 32-bit code that would cost
     * an emulator start each time.
     */
    static final List<String> NATIVE_CFLAGS = List.of("-m64", "-O1", "-w", "-fno-strict-aliasing", "-fcommon");
    private static final String GCC_HINT = "if gcc itself is missing: apt-get install gcc gcc-multilib; otherwise this tree file does not build with gcc: please report it with the lines above";

    private final NineFrontTree tree;
    private final Path cacheDir;

    BootstrapToolchainStep(NineFrontTree tree, Path cacheDir) {
        this.tree = tree;
        this.cacheDir = cacheDir;
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
        String key = ToolchainKey.compute(tree.root(), list, own, gcc);
        HostToolchain cached = new HostToolchain(cacheDir.resolve(key), key);
        if (cached.isComplete()) {
            progress.note("host toolchain: cached " + cached.dir());
            return cached;
        }
        HostChecks.requireGccM32();
        HostChecks.requireBwrap();
        Files.createDirectories(cacheDir);
        for (Path p : Leftovers.removeStale(cacheDir)) progress.note("removed " + p + ", left by a bootstrap that was killed");
        Path tmp = cacheDir.resolve(Leftovers.tempName(key));
        try {
            Path out = tmp.resolve("out");
            new Build(list, own, tmp.resolve("work"), out, progress).run();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("key", key);
            info.put("tree", tree.root().toString());
            info.put("gcc", gcc);
            info.put("tools", list.tools().stream().map(HostToolList.Unit::name).toList());
            Files.writeString(out.resolve("toolchain.json"), Json.write(info));
            try {
                Files.move(out, cached.dir(), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another process published the same key meanwhile: same content, use theirs
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot publish toolchain atomically in " + cacheDir, e);
            }
            return cached;
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    /** One bootstrap run's working state. */
    private final class Build {
        final HostToolList list;
        final OwnSources own;
        final Path work;
        final Path src;
        final Path ownDir;
        final Path obj;
        final Path out;
        final Progress progress;
        final Set<String> built = new HashSet<>();
        final Map<String, HostToolList.Unit> byName = new LinkedHashMap<>();
        final AtomicLong done = new AtomicLong();

        Build(HostToolList list, OwnSources own, Path work, Path out, Progress progress) {
            this.list = list;
            this.own = own;
            this.work = work;
            this.src = work.resolve("src");
            this.ownDir = work.resolve("c");
            this.obj = work.resolve("obj");
            this.out = out;
            this.progress = progress;
        }

        void run() throws IOException, InterruptedException {
            for (String d : List.of("bin", "lib", "include", "linux")) Files.createDirectories(out.resolve(d));
            own.extractTo(ownDir);
            stage();
            for (HostToolList.Unit u : list.libraries()) byName.put(u.name(), u);
            for (HostToolList.Unit u : list.tools()) byName.put(u.name(), u);
            progress.total(byName.size());
            for (HostToolList.Unit u : byName.values()) build(u);
            installSupport();
        }

        /** Copies the listed tree paths to the private source directory and lays our overrides over them. */
        void stage() throws IOException {
            for (String entry : list.stage()) {
                boolean optional = entry.endsWith("?");
                String rel = optional ? entry.substring(0, entry.length() - 1) : entry;
                Path from = tree.resolve(rel);
                if (!Files.exists(from) && optional) continue;
                if (!Files.exists(from)) {
                    throw AntsException.badInput(tree.root() + " is not a complete 9front tree: " + rel + " is missing",
                            NineFrontTree.HOW_TO_GET_ONE);
                }
                FileTrees.copyTree(from, src.resolve(rel));
            }
            for (Map.Entry<String, String> e : list.overrides().entrySet()) {
                Path to = src.resolve(e.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(ownDir.resolve(e.getValue()), to, StandardCopyOption.REPLACE_EXISTING);
            }
            for (HostToolList.Edit e : list.edits()) {
                Path f = src.resolve(e.file());
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                int at = text.indexOf(e.from());
                if (at < 0 || text.indexOf(e.from(), at + 1) >= 0) {
                    throw AntsException.badInput("cannot adapt " + e.file() + " for gcc: the expected text "
                            + e.from().strip() + " is not there exactly once",
                            "this 9front revision differs from the ones ants knows; update edits in host-tools.yaml");
                }
                Files.writeString(f, text.replace(e.from(), e.to()), StandardCharsets.ISO_8859_1);
            }
        }

        void build(HostToolList.Unit u) throws IOException, InterruptedException {
            if (!built.add(u.name())) return;
            for (String lib : u.libs()) {
                HostToolList.Unit l = byName.get(lib);
                if (l == null) throw new IllegalStateException("host-tools.yaml: " + u.name() + " links unknown " + lib);
                build(l);
            }
            for (HostToolList.Generate g : u.generate()) {
                if (g.yacc() != null) {
                    build(byName.get("yacc"));
                    yacc(g);
                } else if (g.enam() != null) {
                    EnumNames.generate(src.resolve(g.enam()), src.resolve(g.to()));
                } else if (g.run() != null && Files.exists(src.resolve(g.run()))) {
                    for (String l : g.libs()) build(byName.get(l));
                    generator(u, g);
                }
            }
            List<ParallelCommands.Cmd> cmds = new ArrayList<>();
            List<Path> objs = new ArrayList<>();
            Path objDir = obj.resolve(u.name().replace('/', '_'));
            Files.createDirectories(objDir);
            for (String o : u.own()) {
                Path o2 = objDir.resolve("own_" + o.replace('/', '_') + ".o");
                objs.add(o2);
                boolean host = u.hostOnly().contains(o);
                cmds.add(compile(u, ownDir.resolve(o), o2, host));
            }
            for (Path s : sources(u)) {
                Path o2 = objDir.resolve(src.relativize(s).toString().replace('/', '_') + ".o");
                objs.add(o2);
                cmds.add(compile(u, s, o2, false));
            }
            ParallelCommands.run(cmds, c -> { }, GCC_HINT);
            if (list.libraries().contains(u) && objs.isEmpty()) {
                Files.writeString(out.resolve("lib/" + u.name() + ".a"), "!<arch>\n");
            } else if (list.libraries().contains(u)) {
                List<String> ar = new ArrayList<>(List.of("ar", "rcs", out.resolve("lib/" + u.name() + ".a").toString()));
                for (Path o : objs) ar.add(o.toString());
                ParallelCommands.runOne(new ParallelCommands.Cmd(ar, objDir, "archive " + u.name()), GCC_HINT);
            } else {
                Path exe = out.resolve("bin/" + u.name());
                Files.createDirectories(exe.getParent());
                List<String> ld = new ArrayList<>(List.of("gcc", u.isPlain() ? "-m64" : "-m32", "-o", exe.toString()));
                for (Path o : objs) ld.add(o.toString());
                if (!u.isPlain()) {
                    ld.add("-Wl,--start-group");
                    for (String l : u.libs()) ld.add(out.resolve("lib/" + l + ".a").toString());
                    ld.add("-Wl,--end-group");
                    ld.add("-lm");
                }
                ParallelCommands.runOne(new ParallelCommands.Cmd(ld, objDir, "link " + u.name()), GCC_HINT);
                for (Map.Entry<String, String> d : u.data().entrySet()) {
                    Path to = out.resolve(d.getKey());
                    Files.createDirectories(to.getParent());
                    Files.copy(src.resolve(d.getValue()), to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            progress.advance(done.incrementAndGet(), u.name());
        }

        ParallelCommands.Cmd compile(HostToolList.Unit u, Path file, Path o, boolean hostOnly) throws IOException {
            List<String> argv = new ArrayList<>();
            if (u.needsPlanNinePaths()) argv.addAll(archNamespace());
            argv.add("gcc");
            if (u.isPlain()) {
                argv.addAll(NATIVE_CFLAGS);
            } else if (hostOnly) {
                argv.addAll(HOST_CFLAGS);
            } else {
                argv.addAll(list.cflags());
                argv.add("-I" + ownDir.resolve("include"));
                argv.add("-I" + tree.resolve("sys/include"));
            }
            for (String inc : u.include()) {
                argv.add("-I" + (inc.startsWith("own:") ? ownDir.resolve(inc.substring(4)) : src.resolve(inc)));
            }
            for (String d : u.defines()) argv.add("-D" + d);
            argv.addAll(List.of("-c", file.toString(), "-o", o.toString()));
            return new ParallelCommands.Cmd(argv, file.getParent(), "compile " + src.relativize(file.startsWith(src) ? file : src));
        }

        /**
         * A bwrap prefix giving a command the host's /usr and our work directory plus the tree's
         * architecture directories (those with an include/ subdirectory) at /ARCH.
         */
        List<String> archNamespace() throws IOException {
            List<String> a = new ArrayList<>(List.of("bwrap", "--tmpfs", "/", "--ro-bind", "/usr", "/usr",
                    "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib32", "/lib32", "--symlink", "usr/lib64", "/lib64",
                    "--symlink", "usr/bin", "/bin", "--dev", "/dev", "--proc", "/proc", "--bind", "/tmp", "/tmp",
                    "--bind", work.toString(), work.toString(), "--ro-bind", tree.root().toString(), tree.root().toString()));
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree.root())) {
                for (Path d : ds) {
                    if (Files.isDirectory(d.resolve("include")) && !d.getFileName().toString().equals("sys")) {
                        a.addAll(List.of("--ro-bind", d.toString(), "/" + d.getFileName()));
                    }
                }
            }
            return a;
        }

        /** The unit's tree sources, globs expanded in the staged copy, excludes removed. */
        List<Path> sources(HostToolList.Unit u) throws IOException {
            List<Path> r = new ArrayList<>();
            for (String pat : u.sources()) {
                Path p = src.resolve(pat);
                String last = p.getFileName().toString();
                if (last.contains("*")) {
                    if (!Files.isDirectory(p.getParent())) continue;
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p.getParent(), last)) {
                        List<Path> m = new ArrayList<>();
                        ds.forEach(m::add);
                        m.sort(null);
                        for (Path f : m) if (!u.exclude().contains(f.getFileName().toString())) r.add(f);
                    }
                } else {
                    if (!Files.exists(p)) {
                        throw AntsException.badInput("the 9front tree lacks " + pat + ", needed for host tool " + u.name(),
                                "use a complete 9front checkout, or update host-tools.yaml for this revision");
                    }
                    r.add(p);
                }
            }
            return r;
        }

        /**
         * Builds a generator and runs it in its source directory, in a namespace holding only the
         * host's libraries and the tree paths it reads, bound where it expects them.
         */
        void generator(HostToolList.Unit u, HostToolList.Generate g) throws IOException, InterruptedException {
            Path source = src.resolve(g.run());
            Path dir = src.resolve(g.dir());
            String name = source.getFileName().toString().replaceAll("\\.c$", "");
            Path o = obj.resolve("gen-" + name + ".o");
            ParallelCommands.runOne(compile(u, source, o, false), GCC_HINT);
            Path exe = obj.resolve("gen-" + name);
            List<String> ld = new ArrayList<>(List.of("gcc", "-m32", "-o", exe.toString(), o.toString(),
                    "-Wl,--start-group"));
            for (String l : g.libs()) ld.add(out.resolve("lib/" + l + ".a").toString());
            ld.addAll(List.of("-Wl,--end-group", "-lm"));
            ParallelCommands.runOne(new ParallelCommands.Cmd(ld, obj, "link generator " + name), GCC_HINT);
            List<String> argv = new ArrayList<>(List.of("bwrap", "--tmpfs", "/", "--dev", "/dev", "--proc", "/proc",
                    "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--symlink", "usr/lib32", "/lib32",
                    "--symlink", "usr/lib64", "/lib64", "--dir", "/lib",
                    "--symlink", "/usr/lib/ld-linux.so.2", "/lib/ld-linux.so.2",
                    "--bind", work.toString(), work.toString()));
            for (Map.Entry<String, String> b : g.binds().entrySet()) {
                argv.addAll(List.of("--ro-bind", tree.resolve(b.getValue()).toString(), b.getKey()));
            }
            argv.addAll(List.of("--chdir", dir.toString(), exe.toString()));
            ParallelCommands.runOne(new ParallelCommands.Cmd(argv, dir, "generator " + g.run()),
                    "the generator failed on this tree's data files");
        }

        /** Runs the tree's yacc with the tree's /sys/lib/yaccpar, which it opens by absolute path. */
        void yacc(HostToolList.Generate g) throws IOException, InterruptedException {
            List<String> argv = new ArrayList<>(List.of("bwrap", "--dev-bind", "/", "/", "--tmpfs", "/sys",
                    "--ro-bind", tree.resolve("sys/lib").toString(), "/sys/lib",
                    "--chdir", src.resolve(g.dir()).toString(), out.resolve("bin/yacc").toString()));
            argv.addAll(g.yacc());
            ParallelCommands.runOne(new ParallelCommands.Cmd(argv, src.resolve(g.dir()), "yacc in " + g.dir()),
                    "check that the tree's sys/lib/yaccpar exists");
        }

        void installSupport() throws IOException {
            Files.copy(ownDir.resolve("support/sam"), out.resolve("bin/sam"));
            Files.copy(ownDir.resolve("support/rfork"), out.resolve("bin/rfork"));
            Files.copy(ownDir.resolve("support/linuxcc"), out.resolve("bin/linuxcc"));
            Files.copy(ownDir.resolve("support/linuxld"), out.resolve("bin/linuxld"));
            Files.copy(ownDir.resolve("support/linux-mkfile"), out.resolve("linux/mkfile"));
            Files.copy(ownDir.resolve("include/u.h"), out.resolve("include/u.h"));
            Files.copy(ownDir.resolve("lib9/host.h"), out.resolve("include/host.h"));
            for (String s : List.of("sam", "rfork", "linuxcc", "linuxld")) out.resolve("bin/" + s).toFile().setExecutable(true);
        }
    }
}
