package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the programs the kernel's boot file system (bootfs.paq and bootdir) copies from /$objtype/bin. */
final class BuildBootUserlandStep implements Step<Void> {
    private final Path tree;
    private final KernelConfig kc;
    private final Arch arch;
    private final BuildRoot build;
    private final MkRunner mk;

    BuildBootUserlandStep(Path tree, KernelConfig kc, BuildRoot build, MkRunner mk) {
        this.tree = tree;
        this.kc = kc;
        this.arch = kc.arch();
        this.build = build;
        this.mk = mk;
    }

    @Override
    public String description() {
        return "build boot userland";
    }

    @Override
    public Void run(Progress progress) throws Exception {
        Set<String> progs = BootUserland.programs(tree, build.overlay(), kc);
        List<BootUserland.Target> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String p : progs) {
            BootUserland.Target t = BootUserland.target(tree, arch, p);
            if (t == null) {
                throw AntsException.badInput("no source found in the tree for boot program " + p,
                        "the boot proto files name a program the tree does not build; check sys/src/9/boot");
            }
            if (seen.add(t.dir() + " " + t.args())) targets.add(t);
        }
        progress.total(targets.size());
        int n = 0;
        Set<String> built = new LinkedHashSet<>();
        for (BootUserland.Target t : targets) {
            if (!Files.exists(installed(t.program()))) {
                for (String lib : BootUserland.libraryDirs(tree, t.dir())) {
                    if (built.add(lib)) mk.mk(lib, "install");
                }
                List<String> args = new ArrayList<>(t.args());
                mk.mk(t.dir(), args.toArray(String[]::new));
            }
            progress.advance(++n, t.program());
        }
        List<String> missing = new ArrayList<>();
        for (String p : progs) if (!Files.exists(installed(p))) missing.add(p);
        if (!missing.isEmpty()) progress.note("boot programs not built (mkfs will skip them): " + missing);
        return null;
    }

    private Path installed(String prog) {
        return build.shadow(kc.arch().objtype + "/bin/" + prog);
    }
}
