package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;

import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the kernel directory's own mkfile (portmkfile, bootmkfile, mkbootrules) to link the kernel. */
final class BuildKernelStep implements Step<Path> {
    private final KernelConfig kc;
    private final BuildRoot build;
    private final MkRunner mk;
    private final Long epoch;

    BuildKernelStep(KernelConfig kc, BuildRoot build, MkRunner mk) {
        this(kc, build, mk, null);
    }

    /** @param epoch the date the kernel carries (SOURCE_DATE_EPOCH), or null: the build's */
    BuildKernelStep(KernelConfig kc, BuildRoot build, MkRunner mk, Long epoch) {
        this.kc = kc;
        this.build = build;
        this.mk = mk;
        this.epoch = epoch;
    }

    @Override
    public String description() {
        return "build kernel " + kc.kernel();
    }

    @Override
    public Path run(Progress progress) throws Exception {
        redateIfNeeded();
        // CONF= selects the configuration; the mkfile's own CONF is only its default
        mk.mk("/" + kc.kernelDir(), "CONF=" + kc.conf(), kc.kernel());
        Path k = build.shadow(kc.kernelDir()).resolve(kc.kernel());
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
        Path dir = build.shadow(kc.kernelDir());
        Path stamp = dir.resolve(".ants-date");
        String want = epoch == null ? "now" : epoch.toString();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(want)) return;
        char o = switch (kc.arch()) {
            case AMD64 -> '6';
            case I386 -> '8';
            case ARM -> '5';
            case ARM64 -> '7';
        };
        for (String f : java.util.List.of(kc.conf() + "." + o, "bootfs.paq", kc.conf() + ".bootfs.paq", kc.conf() + ".root.s")) {
            Files.deleteIfExists(dir.resolve(f));
        }
        Files.createDirectories(dir);
        Files.writeString(stamp, want);
    }
}
