package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the kernel directory's own mkfile (portmkfile, bootmkfile, mkbootrules) to link the kernel. */
final class BuildKernelStep implements Step<Path> {
    private final Arch arch;
    private final BuildRoot build;
    private final MkRunner mk;
    private final Long epoch;

    BuildKernelStep(Arch arch, BuildRoot build, MkRunner mk) {
        this(arch, build, mk, null);
    }

    /** @param epoch the date the kernel carries (SOURCE_DATE_EPOCH), or null: the build's */
    BuildKernelStep(Arch arch, BuildRoot build, MkRunner mk, Long epoch) {
        this.arch = arch;
        this.build = build;
        this.mk = mk;
        this.epoch = epoch;
    }

    @Override
    public String description() {
        return "build kernel " + arch.kernel;
    }

    @Override
    public Path run(Progress progress) throws Exception {
        redateIfNeeded();
        mk.mk("/" + arch.kernelDir(), arch.kernel);
        Path k = build.shadow(arch.kernelDir()).resolve(arch.kernel);
        if (!Files.isRegularFile(k) || Files.size(k) == 0) {
            throw AntsException.environment("mk finished but " + k + " is missing or empty", "see " + mk.log());
        }
        return k;
    }

    /**
     * mk does not know the date is an input: when it changed since the last build, the objects that
     * embed it (the configuration's, with kerndate, and the boot paq) go, so they are made again.
     */
    private void redateIfNeeded() throws java.io.IOException {
        Path dir = build.shadow(arch.kernelDir());
        Path stamp = dir.resolve(".ants-date");
        String want = epoch == null ? "now" : epoch.toString();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(want)) return;
        char o = arch == Arch.AMD64 ? '6' : '8';
        for (String f : java.util.List.of(arch.conf + "." + o, "bootfs.paq", arch.conf + ".bootfs.paq", arch.conf + ".root.s")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.createDirectories(dir);
        Files.writeString(stamp, want);
    }
}
