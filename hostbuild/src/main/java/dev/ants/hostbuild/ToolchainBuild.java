package dev.ants.hostbuild;

import dev.ants.core.progress.Progress;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bootstrap run in a private directory: stages the tree files, then builds every unit of the plan
 * (each after the units it links and the tools its recipes run), compiling with gcc, archiving
 * libraries, linking tools into {@code out/bin}, and finally adds our support scripts and headers.
 */
final class ToolchainBuild implements GeneratedSources.Builder {
    private static final Pattern MISSING = Pattern.compile("fatal error: ([^:\\s]+): No such file or directory");

    private final NineFrontTree tree;
    private final ToolchainPlan plan;
    private final OwnSources own;
    private final Path src;
    private final Path ownDir;
    private final Path obj;
    private final Path out;
    private final int jobs;
    private final Progress progress;
    private final UnitCompiler cc;
    private final GeneratedSources gen;
    private final Set<String> started = new HashSet<>();
    private int done;

    ToolchainBuild(NineFrontTree tree, ToolchainPlan plan, OwnSources own, Path tmp, int jobs, Progress progress) {
        this.tree = tree;
        this.plan = plan;
        this.own = own;
        Path work = tmp.resolve("work");
        this.src = work.resolve("src");
        this.ownDir = work.resolve("c");
        this.obj = work.resolve("obj");
        this.out = tmp.resolve("out");
        this.jobs = jobs;
        this.progress = progress;
        BootstrapNamespaces ns = new BootstrapNamespaces(tree.root(), tmp, out);
        this.cc = new UnitCompiler(tree.root(), src, ownDir, plan.list(), ns);
        this.gen = new GeneratedSources(tree.root(), src, ns, this);
    }

    /** Builds everything into {@code out}; returns it. */
    Path run() throws IOException, InterruptedException {
        for (String d : List.of("bin", "lib", "include", "linux")) Files.createDirectories(out.resolve(d));
        own.extractTo(ownDir);
        StagedTree.stage(tree.root(), plan.stage(), plan.list().edits(), src);
        progress.total(plan.names().size());
        for (String name : plan.names()) build(name);
        installSupport();
        return out;
    }

    private void build(String name) throws IOException, InterruptedException {
        if (!started.add(name)) return;
        UnitPlan p = plan.unit(name);
        HostToolList.Unit u = p.unit();
        List<Path> libs = new ArrayList<>();
        for (String lib : linkedLibraries(p)) {
            build(lib);
            libs.add(archive(lib));
        }
        List<ParallelCommands.Cmd> cmds = new ArrayList<>();
        List<Path> objs = new ArrayList<>();
        Path objDir = obj.resolve(name.replace('/', '_'));
        Files.createDirectories(objDir);
        for (String o : u.own()) {
            Path ob = objDir.resolve("own_" + o.replace('/', '_') + ".o");
            objs.add(ob);
            cmds.add(cc.compile(p, ownDir.resolve(o), ob, u.hostOnly().contains(o)));
        }
        for (Path s : gen.resolver().sources(p)) {
            Path ob = objDir.resolve(src.relativize(s).toString().replace('/', '_') + ".o");
            objs.add(ob);
            cmds.add(cc.compile(p, s, ob, false));
        }
        ParallelCommands.run(cmds, jobs, this::hint);
        if (plan.list().isLibrary(u)) {
            Path a = archive(name);
            if (objs.isEmpty()) Files.writeString(a, "!<arch>\n");
            else ParallelCommands.runOne(cc.archive(name, a, objs, objDir), this::hint);
        } else {
            Path exe = out.resolve("bin/" + name);
            Files.createDirectories(exe.getParent());
            ParallelCommands.runOne(cc.link(name, exe, objs, libs, u.isPlain(), objDir), this::hint);
            for (Map.Entry<String, String> d : u.data().entrySet()) {
                Path to = out.resolve(d.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(src.resolve(d.getValue()), to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        progress.advance(++done, name);
    }

    /** The libraries host-tools.yaml names, after those the mkfile's LIB names by relative path (cc.a$O). */
    private List<String> linkedLibraries(UnitPlan p) {
        List<String> r = new ArrayList<>();
        for (Path d : p.localLibraryDirs()) {
            for (HostToolList.Unit l : plan.list().libraries()) {
                if (l.dir() != null && tree.root().resolve(l.dir()).equals(d) && !r.contains(l.name())) r.add(l.name());
            }
        }
        for (String l : p.unit().libs()) if (!r.contains(l)) r.add(l);
        return r;
    }

    private Path archive(String lib) {
        return out.resolve("lib/" + lib + ".a");
    }

    @Override
    public Path tool(String name) throws IOException, InterruptedException {
        UnitPlan p = plan.unit(name);
        if (p == null || plan.list().isLibrary(p.unit())) return null;
        build(name);
        return out.resolve("bin/" + name);
    }

    @Override
    public void program(UnitPlan p, Path source, List<String> libs, Path exe) throws IOException, InterruptedException {
        List<Path> archives = new ArrayList<>();
        for (String l : libs) {
            build(l);
            archives.add(archive(l));
        }
        Path o = obj.resolve("gen-" + exe.getFileName() + ".o");
        ParallelCommands.runOne(cc.compile(p, source, o, false), this::hint);
        ParallelCommands.runOne(cc.link("generator " + exe.getFileName(), exe, List.of(o), archives, false, obj), this::hint);
    }

    /**
     * What to tell the user about a failed gcc: a missing file is named as such (generated or not);
     * anything else is a tree file gcc does not take, since gcc itself was checked beforehand.
     */
    String hint(String output) {
        Matcher m = MISSING.matcher(output);
        if (m.find()) {
            String rule = plan.ruleMaking(m.group(1));
            return rule != null
                    ? "generated file " + m.group(1) + " is missing: the tree makes it with the rule " + rule
                    + ", whose recipe ants did not run for this unit; host-tools.yaml needs a 'programs' entry for "
                    + "its generator"
                    : m.group(1) + " is missing and no mkfile rule makes it: the tree is incomplete, or this "
                    + "revision moved it (check the path in your checkout)";
        }
        return "gcc works on this host (checked before the build), but this tree file does not compile "
                + "with it: this revision needs an edit in host-tools.yaml (its edits were written for the "
                + "revisions they name); please report it with the lines above";
    }

    private void installSupport() throws IOException {
        // the generators' drivers take host-tools.yaml's flags (HostBuildDataTest checks the placeholders)
        String cflags = String.join(" ", plan.list().cflags());
        String ldflags = String.join(" ", plan.list().ldflags());
        for (String s : List.of("sam", "rfork", "linuxcc", "linuxld")) {
            Path to = out.resolve("bin/" + s);
            String text = Files.readString(ownDir.resolve("support/" + s), StandardCharsets.UTF_8);
            Files.writeString(to, text.replace("@CFLAGS@", cflags).replace("@LDFLAGS@", ldflags), StandardCharsets.UTF_8);
            to.toFile().setExecutable(true);
        }
        Files.copy(ownDir.resolve("support/linux-mkfile"), out.resolve("linux/mkfile"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(cc.uh(), out.resolve("include/u.h"), StandardCopyOption.REPLACE_EXISTING);
        try (var staged = Files.list(cc.stagedHeaders())) {
            for (Path h : staged.toList()) Files.copy(h, out.resolve("include/" + h.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(ownDir.resolve("lib9/host.h"), out.resolve("include/host.h"), StandardCopyOption.REPLACE_EXISTING);
    }
}
