package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.Bundled;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where patch sets come from. The built-in set is the one packaged into this module's jar (the
 * module's patches/ directory under ants/kernel-patches/, the repository's plan9rc/ under
 * ants/plan9rc/), read in place from the jar or from target/classes; it is read into memory, never
 * extracted. A checkout's own directories can be used directly with {@link #fromRepository} while
 * working on the patches, without rebuilding the jar.
 */
public final class PatchSetSource {
    static final String PATCHES = "ants/kernel-patches";
    static final String PLAN9RC = "ants/plan9rc";

    private PatchSetSource() {
    }

    public static PatchSet builtIn() {
        try (Bundled b = Bundled.of(PatchSetSource.class)) {
            return load(b.path(PATCHES), b.path(PLAN9RC), "built-in patch set (" + b.origin() + ")");
        }
    }

    /** The set in a checkout: REPO/kernel-patches/patches and REPO/plan9rc. */
    public static PatchSet fromRepository(Path repo) {
        Path r = repo.toAbsolutePath().normalize();
        return load(r.resolve("kernel-patches/patches"), r.resolve("plan9rc"), r.resolve("kernel-patches/patches").toString());
    }

    /** A set in any directory; {@code plan9rcDir} may be null for none. */
    public static PatchSet fromDirectory(Path patchDir, Path plan9rcDir) {
        return load(patchDir, plan9rcDir, patchDir.toString());
    }

    private static PatchSet load(Path patches, Path plan9rc, String origin) {
        if (!Files.isDirectory(patches)) {
            throw AntsException.badInput("no patch set at " + origin + ": " + patches + " is not a directory",
                    "build ants from a checkout whose kernel-patches/patches has a series file");
        }
        return PatchSet.load(patches, plan9rc != null && Files.isDirectory(plan9rc) ? plan9rc : null, origin);
    }
}
