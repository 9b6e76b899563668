package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the source of each object a unit's mkfiles list, in the staged copy, the way mk's rules would:
 * an explicit rule's .c prerequisite ({@code enam.$O: ../6c/enam.c}), the directory's own
 * {@code foo.c}, a metarule's ({@code %.$O: ../cc/%.c}); and before that, generates what a rule makes
 * and is missing, whether the source itself ({@code y.tab.c}) or another prerequisite of the object
 * ({@code y.tab.h} among HFILES, the rune tables of libc).
 */
final class SourceResolver {
    private final Path tree;
    private final Path src;
    private final GeneratedSources gen;

    SourceResolver(Path tree, Path src, GeneratedSources gen) {
        this.tree = tree;
        this.src = src;
        this.gen = gen;
    }

    /** The staged copy of a tree path. */
    Path staged(Path treePath) {
        return src.resolve(tree.relativize(treePath).toString());
    }

    List<Path> sources(UnitPlan plan) throws IOException, InterruptedException {
        List<Path> r = new ArrayList<>();
        for (UnitPlan.PartPlan pp : plan.parts()) {
            Path dir = staged(pp.dir());
            for (String o : pp.objects()) {
                String with = plan.replacement(o);
                if (with != null) {
                    if (!Files.isRegularFile(dir.resolve(with))) {
                        throw new AntsException(ExitCode.BAD_INPUT, "the tree has no " + pp.part().dir() + "/" + with
                                + ", which host-tools.yaml builds instead of " + o + " for " + plan.unit().name(),
                                "this revision changed " + pp.part().dir() + "; host-tools.yaml needs updating for it");
                    }
                    r.add(dir.resolve(with));
                    continue;
                }
                prerequisites(plan, pp, dir, o);
                r.add(source(plan, pp, dir, o));
            }
        }
        return r;
    }

    /** Makes the missing relative prerequisites that rules give the object (HFILES, generated tables). */
    private void prerequisites(UnitPlan plan, UnitPlan.PartPlan pp, Path dir, String o)
            throws IOException, InterruptedException {
        for (Mkfile.Rule rule : pp.mk().rules()) {
            String stem = matchingStem(rule, o);
            if (stem == null) continue;
            for (String pre : rule.prereqs()) {
                if (pre.startsWith("/")) continue;
                Path p = dir.resolve(pre.replace("%", stem)).normalize();
                if (!Files.exists(p)) gen.make(plan, p, pp.mk());
            }
        }
    }

    private Path source(UnitPlan plan, UnitPlan.PartPlan pp, Path dir, String o) throws IOException, InterruptedException {
        String stem = UnitPlan.stem(o);
        for (Mkfile.Rule rule : pp.mk().rules()) {
            if (rule.isMeta() || !rule.targets().contains(o)) continue;
            for (String pre : rule.prereqs()) {
                if (!pre.endsWith(".c")) continue;
                Path p = (pre.startsWith("/") ? staged(tree.resolve(pre.substring(1))) : dir.resolve(pre)).normalize();
                if (Files.isRegularFile(p) || gen.make(plan, p, pp.mk())) return p;
            }
        }
        Path own = dir.resolve(stem + ".c");
        if (Files.isRegularFile(own)) return own;
        List<Path> candidates = new ArrayList<>();
        for (Mkfile.Rule rule : pp.mk().rules()) {
            String s = matchingStem(rule, o);
            if (s == null || !rule.isMeta()) continue;
            for (String pre : rule.prereqs()) {
                if (pre.endsWith(".c") && pre.contains("%") && !pre.startsWith("/")) {
                    Path p = dir.resolve(pre.replace("%", s)).normalize();
                    if (Files.isRegularFile(p)) return p;
                    candidates.add(p);
                }
            }
        }
        if (gen.make(plan, own, pp.mk())) return own;
        for (Path c : candidates) if (gen.make(plan, c, pp.mk())) return c;
        throw new AntsException(ExitCode.BAD_INPUT, pp.part().dir() + "/mkfile lists " + o + " in "
                + pp.part().variable() + " for host unit " + plan.unit().name() + ", but there is no " + stem
                + ".c and no rule makes one",
                "a generated source ants does not know how to make; check that the tree is complete");
    }

    /** The stem if one of the rule's targets is {@code o} (stem: o without .o) or a pattern matching it. */
    static String matchingStem(Mkfile.Rule rule, String o) {
        for (String t : rule.targets()) {
            if (t.equals(o)) return UnitPlan.stem(o);
            int pc = t.indexOf('%');
            if (pc < 0 || t.indexOf('%', pc + 1) >= 0) continue;
            String pre = t.substring(0, pc);
            String suf = t.substring(pc + 1);
            if (o.length() >= pre.length() + suf.length() && o.startsWith(pre) && o.endsWith(suf)) {
                return o.substring(pre.length(), o.length() - suf.length());
            }
        }
        return null;
    }
}
