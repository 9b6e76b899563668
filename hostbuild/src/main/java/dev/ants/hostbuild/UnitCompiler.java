package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gcc command lines of the bootstrap: compiling a unit's file against the edited amd64 {@code u.h},
 * the tree's headers and the directories its mkfile's CFLAGS name; archiving a library; linking a
 * tool with its libraries.
 */
final class UnitCompiler {
    private final Path tree;
    private final Path src;
    private final Path ownDir;
    private final HostToolList flags;
    private final BootstrapNamespaces ns;

    /** @param flags the compile and link flags host-tools.yaml gives (the rest of the list is the plan's) */
    UnitCompiler(Path tree, Path src, Path ownDir, HostToolList flags, BootstrapNamespaces ns) {
        this.tree = tree;
        this.src = src;
        this.ownDir = ownDir;
        this.flags = flags;
        this.ns = ns;
    }

    /** Where the edited u.h lies, for the compile line and for the toolchain's include directory. */
    Path uh() {
        return src.resolve("amd64/include/u.h");
    }

    /** The tree's headers host-tools.yaml edits, found before the tree's own. */
    Path stagedHeaders() {
        return src.resolve("sys/include");
    }

    /**
     * @param hostOnly a file of ours compiled against glibc's headers (lib9/host.c)
     */
    ParallelCommands.Cmd compile(UnitPlan plan, Path file, Path obj, boolean hostOnly) throws IOException {
        HostToolList.Unit u = plan.unit();
        List<String> argv = new ArrayList<>();
        if (u.needsPlanNinePaths()) argv.addAll(ns.archPrefix());
        argv.add("gcc");
        if (u.isPlain() || hostOnly) {
            argv.addAll(flags.hostflags());
        } else {
            argv.addAll(flags.cflags());
            argv.add("-I" + uh().getParent());
            argv.add("-I" + stagedHeaders());
            argv.add("-I" + tree.resolve("sys/include"));
        }
        for (String inc : includes(plan)) argv.add("-I" + inc);
        for (String d : u.defines()) argv.add("-D" + d);
        argv.addAll(List.of("-c", file.toString(), "-o", obj.toString()));
        String what = file.startsWith(src) ? src.relativize(file).toString() : "ants " + ownDir.relativize(file);
        return new ParallelCommands.Cmd(argv, file.getParent(), "compile " + what);
    }

    /** Each part's staged directory, then the -I directories its CFLAGS add (staged if copied, else the tree's). */
    private List<String> includes(UnitPlan plan) {
        List<String> r = new ArrayList<>();
        for (UnitPlan.PartPlan pp : plan.parts()) {
            Path staged = src.resolve(tree.relativize(pp.dir()).toString());
            r.add(staged.toString());
            if (plan.unit().file() != null) continue;
            for (String inc : plan.cflagsIncludes(pp)) {
                Path t = inc.startsWith("/") ? tree.resolve(inc.substring(1)) : pp.dir().resolve(inc).normalize();
                Path s = src.resolve(tree.relativize(t).toString());
                r.add((Files.isDirectory(s) ? s : t).toString());
            }
        }
        return r;
    }

    ParallelCommands.Cmd archive(String name, Path lib, List<Path> objs, Path dir) {
        List<String> ar = new ArrayList<>(List.of("ar", "rcs", lib.toString()));
        for (Path o : objs) ar.add(o.toString());
        return new ParallelCommands.Cmd(ar, dir, "archive " + name);
    }

    ParallelCommands.Cmd link(String name, Path exe, List<Path> objs, List<Path> libs, boolean plain, Path dir) {
        List<String> ld = new ArrayList<>(List.of("gcc"));
        ld.addAll(flags.ldflags());
        ld.addAll(List.of("-o", exe.toString()));
        for (Path o : objs) ld.add(o.toString());
        if (!plain) {
            ld.add("-Wl,--start-group");
            for (Path l : libs) ld.add(l.toString());
            ld.add("-Wl,--end-group");
            ld.add("-lm");
        }
        return new ParallelCommands.Cmd(ld, dir, "link " + name);
    }
}
