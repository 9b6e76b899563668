package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes a missing file the way the tree's mkfile would, by running the recipe of the rule that makes
 * it, with the tools built so far: a one-command recipe ({@code $YACC $YFLAGS $prereq},
 * {@code rc ../cc/mkenam}) runs as that command; a recipe that builds a generator with the target
 * compiler and runs it (mkrunetype) runs the unit's matching {@code programs} entry instead, built
 * with gcc. The rule is looked for in the file's own directory first, then in the mkfile that
 * needs it, so {@code ../6c/enam.c} is made by 6c's rule.
 */
final class GeneratedSources {
    /** What generators need from the unit builder: tools and libraries built on demand. */
    interface Builder {
        /** The host path of a tool unit, built first if need be; null if no unit has that name. */
        Path tool(String name) throws IOException, InterruptedException;

        /** Builds {@code program} (a tree C file) with gcc and the named libraries into {@code exe}. */
        void program(UnitPlan plan, Path source, List<String> libs, Path exe) throws IOException, InterruptedException;
    }

    private static final Pattern SHELL = Pattern.compile("[{}|;&<>`'\"()~^=\\\\]");

    private final Path tree;
    private final SourceResolver paths;
    private final BootstrapNamespaces ns;
    private final Builder builder;
    private final Map<Path, Mkfile> mkfiles = new HashMap<>();

    GeneratedSources(Path tree, Path src, BootstrapNamespaces ns, Builder builder) {
        this.tree = tree;
        this.paths = new SourceResolver(tree, src, this);
        this.ns = ns;
        this.builder = builder;
    }

    SourceResolver resolver() {
        return paths;
    }

    /**
     * Makes {@code target} (a staged path) if a rule of its directory's mkfile or of {@code context}
     * makes it; false when no rule does.
     */
    boolean make(UnitPlan plan, Path target, Mkfile context) throws IOException, InterruptedException {
        Mkfile own = mkfileOf(target.getParent());
        String unrunnable = null;
        for (Mkfile mk : own == null || own.dir().equals(context.dir()) ? List.of(context) : List.of(own, context)) {
            Path stagedDir = paths.staged(mk.dir());
            String name = stagedDir.relativize(target).toString();
            for (Mkfile.Rule rule : mk.rules()) {
                String stem = stemFor(rule, name);
                if (stem == null || rule.recipe().isEmpty()) continue;
                if (run(plan, mk, rule, name, stem, stagedDir)) return true;
                unrunnable = mk.dir() + "/mkfile: " + String.join(" ", rule.targets()) + ": "
                        + String.join("; ", rule.recipe());
            }
        }
        if (unrunnable == null) return false;
        throw new AntsException(ExitCode.ENVIRONMENT, "generated file " + name(target) + " is missing: the tree makes it with "
                + unrunnable + ", which ants cannot run before mk exists",
                "host-tools.yaml needs a 'programs' entry for host unit " + plan.unit().name()
                        + " naming the generator this recipe builds");
    }

    private boolean run(UnitPlan plan, Mkfile mk, Mkfile.Rule rule, String name, String stem, Path dir)
            throws IOException, InterruptedException {
        Map<String, List<String>> extra = new HashMap<>();
        List<String> prereqs = rule.prereqs().stream().map(p -> p.replace("%", stem)).toList();
        extra.put("target", List.of(name));
        extra.put("stem", List.of(stem));
        extra.put("prereq", prereqs);
        extra.put("newprereq", prereqs);
        extra.put("alltarget", rule.targets().stream().map(t -> t.replace("%", stem)).toList());
        for (String p : prereqs) {
            Path pp = dir.resolve(p).normalize();
            if (!p.startsWith("/") && !Files.exists(pp)) make(plan, pp, mk);
        }
        String recipe = String.join("\n", rule.recipe());
        if (rule.recipe().size() == 1) {
            String line = mk.expand(rule.recipe().get(0), extra);
            if (!SHELL.matcher(line).find()) {
                List<String> argv = new java.util.ArrayList<>(Mkfile.split(line));
                Path tool = builder.tool(argv.get(0));
                if (tool != null) argv.set(0, tool.toString());
                exec(mk, dir, Map.of(), argv, recipe, name);
                return check(dir.resolve(name), recipe);
            }
        }
        for (HostToolList.Program p : plan.unit().programs()) {
            if (!recipe.contains(UnitPlan.stem(p.source()))) continue;
            Path exe = dir.resolve("ants-" + UnitPlan.stem(p.source()));
            builder.program(plan, dir.resolve(p.source()), p.libs(), exe);
            exec(mk, dir, p.binds(), List.of(exe.toString()), recipe, name);
            return check(dir.resolve(name), recipe);
        }
        return false;
    }

    private void exec(Mkfile mk, Path dir, Map<String, String> binds, List<String> argv, String recipe, String name)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>();
        // mk exports its variables to recipes; rc's Unix port reads lists joined by \001
        mk.variables().forEach((k, v) -> env.put(k, String.join("\u0001", v)));
        // "." first, as in a Plan 9 shell: 'rc mkenam' reads mkenam through rc's "." command, which searches $path
        env.put("path", ".\u0001/usr/lib/plan9/bin\u0001/usr/bin\u0001/bin");
        env.put("PATH", "/usr/bin:/bin:/usr/lib/plan9/bin");
        env.put("HOME", "/tmp");
        List<String> cmd = ns.generator(dir, binds, env, argv);
        HostProcess.Result r = HostProcess.run(cmd, dir, null, Duration.ofMinutes(10));
        if (!r.ok() && retryable(r.output(), argv.get(0))) r = HostProcess.run(cmd, dir, null, Duration.ofMinutes(10));
        if (!r.ok()) {
            throw CommandFailedException.of("generating " + name + " with the recipe '" + recipe + "' of "
                    + tree.relativize(mk.dir()) + "/mkfile", argv, dir, r.tail(30),
                    "the tree's generator failed on this tree's files; see its output above");
        }
    }

    /**
     * The exec of a program that exists failed (ENOEXEC or ENOENT): seen now and then on this project's
     * VMs for binaries that run fine a moment later, so such a failure is tried once more.
     */
    static boolean retryable(String output, String program) {
        return output.contains("Exec format error")
                || (output.contains(program + "': No such file or directory") && Files.exists(Path.of(program)));
    }

    private static boolean check(Path made, String recipe) {
        if (Files.exists(made)) return true;
        throw new AntsException(ExitCode.ENVIRONMENT, "the recipe '" + recipe + "' ran but did not make " + made,
                "the tree's rule names a file its recipe does not write; report the revision");
    }

    /** The stem if the rule makes {@code name} (a target equal to it, or a pattern matching it). */
    private static String stemFor(Mkfile.Rule rule, String name) {
        for (String t : rule.targets()) {
            if (t.equals(name) || Path.of(t).normalize().toString().equals(name)) return UnitPlan.stem(name);
        }
        return rule.isMeta() ? SourceResolver.matchingStem(rule, name) : null;
    }

    /** The tree mkfile of a staged directory, read once; null when it has none. */
    private Mkfile mkfileOf(Path stagedDir) throws IOException {
        Path treeDir = tree.resolve(paths.staged(tree).relativize(stagedDir).toString());
        if (mkfiles.containsKey(treeDir)) return mkfiles.get(treeDir);
        Path f = treeDir.resolve("mkfile");
        Mkfile m = Files.isRegularFile(f) ? Mkfile.read(f, UnitPlan.absolute(tree), UnitPlan.HOST) : null;
        mkfiles.put(treeDir, m);
        return m;
    }

    private String name(Path staged) {
        return paths.staged(tree).relativize(staged).toString();
    }
}
