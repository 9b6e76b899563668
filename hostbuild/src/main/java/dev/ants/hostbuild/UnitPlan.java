package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One host unit as the tree's mkfiles describe it: for each directory, its mkfile read with the host's
 * {@code O} (so {@code foo.$O} reads {@code foo.o}), the objects it lists after the host-only
 * {@code only}/{@code exclude}/{@code replace} choices, the include directories its CFLAGS add, and
 * the local libraries its LIB names. Reading fails with the real cause: a removed directory, a
 * variable the mkfile no longer sets, a command no longer in TARG.
 */
final class UnitPlan {
    /** mk's variables for reading host-tool mkfiles: objects end in .o, and 386 is the ILP32 model. */
    static final Map<String, String> HOST = Map.of("O", "o", "objtype", "386", "cputype", "386");

    /** One directory of the unit: its mkfile (null for an optional part the tree lacks) and objects. */
    record PartPlan(HostToolList.Part part, Path dir, Mkfile mk, List<String> objects) { }

    private final HostToolList.Unit unit;
    private final List<PartPlan> parts;

    private UnitPlan(HostToolList.Unit unit, List<PartPlan> parts) {
        this.unit = unit;
        this.parts = parts;
    }

    HostToolList.Unit unit() {
        return unit;
    }

    List<PartPlan> parts() {
        return parts;
    }

    static UnitPlan read(HostToolList.Unit u, Path tree) throws IOException {
        List<PartPlan> parts = new ArrayList<>();
        if (u.file() != null) parts.add(single(u, tree));
        for (HostToolList.Part p : u.parts()) {
            Path dir = tree.resolve(p.dir());
            if (!Files.isRegularFile(dir.resolve("mkfile"))) {
                if (p.isOptional()) continue;
                throw removed(u, p.dir());
            }
            Mkfile mk = Mkfile.read(dir.resolve("mkfile"), absolute(tree), HOST);
            parts.add(new PartPlan(p, dir, mk, objects(u, p, mk)));
        }
        return new UnitPlan(u, parts);
    }

    /** A command of a mkmany directory built from the one file {@code file} names. */
    private static PartPlan single(HostToolList.Unit u, Path tree) throws IOException {
        Path f = tree.resolve(u.file());
        Path dir = f.getParent();
        String name = f.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        if (!Files.isRegularFile(f)) {
            throw new AntsException(ExitCode.BAD_INPUT, "the tree has no " + u.file() + ", the source of host tool "
                    + u.name() + ": this revision removed or moved it",
                    "ants follows the tree's mkfiles, but host-tools.yaml names this file for " + u.name()
                            + "; use a tree with it, or report the revision");
        }
        Mkfile mk = Mkfile.read(dir.resolve("mkfile"), absolute(tree), HOST);
        if (mk.isSet("TARG") && !mk.isComputed("TARG") && !mk.words("TARG").contains(stem)) {
            throw new AntsException(ExitCode.BAD_INPUT, tree.relativize(dir) + "/mkfile no longer lists " + stem
                    + " in TARG (" + String.join(" ", mk.words("TARG")) + ")",
                    "this revision builds " + u.name() + " differently; host-tools.yaml needs updating for it");
        }
        HostToolList.Part p = new HostToolList.Part(tree.relativize(dir).toString(), null, null, null, null);
        return new PartPlan(p, dir, mk, List.of(stem + ".o"));
    }

    private static List<String> objects(HostToolList.Unit u, HostToolList.Part p, Mkfile mk) {
        String var = p.variable();
        if (!mk.isSet(var) || (mk.isComputed(var) && mk.words(var).isEmpty())) {
            if (p.isOptional()) return List.of();
            throw new AntsException(ExitCode.BAD_INPUT, p.dir() + "/mkfile " + (mk.isSet(var)
                    ? "computes " + var + " with a command, which only rc can run" : "no longer sets " + var)
                    + ", the object list of host unit " + u.name(),
                    "this revision's mkfile changed; host-tools.yaml names the variable to read for " + p.dir());
        }
        List<String> objs = new ArrayList<>();
        for (String w : mk.words(var)) if (w.endsWith(".o")) objs.add(w.substring(w.lastIndexOf('/') + 1));
        if (p.only() != null) {
            List<String> picked = new ArrayList<>();
            for (String want : p.only()) {
                String o = stem(want) + ".o";
                if (!objs.contains(o)) {
                    throw new AntsException(ExitCode.BAD_INPUT, p.dir() + "/mkfile no longer lists " + want
                            + " in " + var + ", which host unit " + u.name() + " needs (" + p.why() + ")",
                            "this revision moved or removed it; host-tools.yaml needs updating for it");
                }
                picked.add(o);
            }
            objs = picked;
        }
        Set<String> excluded = new LinkedHashSet<>();
        for (HostToolList.Exclude e : u.exclude()) for (String f : e.files()) excluded.add(stem(f) + ".o");
        objs.removeIf(excluded::contains);
        return objs;
    }

    static String stem(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** The source a replacement names instead of {@code object}'s own, or null. */
    String replacement(String object) {
        for (HostToolList.Replace r : unit.replace()) if ((stem(r.file()) + ".o").equals(object)) return r.with();
        return null;
    }

    /** Directories the unit's parts read besides their own: rule prerequisites like ../cc/%.c. */
    Set<Path> referencedDirs(Path tree) {
        Set<Path> r = new LinkedHashSet<>();
        Path src = tree.resolve("sys/src");
        for (PartPlan pp : parts) {
            if (pp.mk() == null) continue;
            for (Mkfile.Rule rule : pp.mk().rules()) {
                for (String pre : rule.prereqs()) {
                    if (pre.startsWith("/") || !pre.contains("/")) continue;
                    Path d = pp.dir().resolve(pre).normalize().getParent();
                    if (d != null && d.startsWith(src) && !pp.dir().startsWith(d) && Files.isRegularFile(d.resolve("mkfile"))) {
                        r.add(d);
                    }
                }
            }
        }
        return r;
    }

    /** -I directories of the parts' CFLAGS, as Plan 9 paths (absolute) or relative to their part. */
    List<String> cflagsIncludes(PartPlan pp) {
        List<String> r = new ArrayList<>();
        for (String w : pp.mk().words("CFLAGS")) if (w.startsWith("-I") && w.length() > 2) r.add(w.substring(2));
        return r;
    }

    /** Tree directories named by LIB as relative archives (../cc/cc.a$O): units this one links. */
    List<Path> localLibraryDirs() {
        List<Path> r = new ArrayList<>();
        for (PartPlan pp : parts) {
            if (pp.mk() == null || unit.file() != null) continue;
            for (String w : pp.mk().words("LIB")) {
                if (!w.startsWith("/") && w.contains("/")) r.add(pp.dir().resolve(w).normalize().getParent());
            }
        }
        return r;
    }

    /** Every mkfile the parts read, as tree files, for the cache key. */
    List<Path> mkfilesRead() {
        List<Path> r = new ArrayList<>();
        for (PartPlan pp : parts) if (pp.mk() != null) for (String f : pp.mk().filesRead()) r.add(Path.of(f));
        return r;
    }

    static java.util.function.Function<String, Path> absolute(Path tree) {
        return p -> tree.resolve(p.substring(1));
    }

    private static AntsException removed(HostToolList.Unit u, String dir) {
        return new AntsException(ExitCode.BAD_INPUT, "the tree has no " + dir + "/mkfile, which host unit " + u.name()
                + " is built from: this revision removed or moved that directory",
                "use a complete 9front checkout; if this revision really moved it, host-tools.yaml needs updating");
    }

    @Override
    public String toString() {
        return unit.name();
    }
}
