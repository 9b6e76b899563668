package dev.ants.patch;

import java.nio.file.Path;

/**
 * One `ants patch` invocation.
 *
 * @param tree      the 9front tree (validated with NineFrontTree)
 * @param outDir    where the patched copy goes (must not exist, or be an empty directory); ignored with
 *                  {@code inPlace} or {@code check}
 * @param inPlace   change {@code tree} itself (journaled, so an interrupted run is rolled back)
 * @param check     report only; write nothing (--check and --dry-run)
 * @param reverse   undo the set instead of applying it
 * @param patchSet  the set to use; null means {@link PatchSetSource#builtIn()}
 */
public record PatchRequest(Path tree, Path outDir, boolean inPlace, boolean check, boolean reverse,
                           PatchSet patchSet) {
    public static PatchRequest copy(Path tree, Path outDir) {
        return new PatchRequest(tree, outDir, false, false, false, null);
    }

    public static PatchRequest inPlace(Path tree) {
        return new PatchRequest(tree, null, true, false, false, null);
    }

    public static PatchRequest check(Path tree) {
        return new PatchRequest(tree, null, false, true, false, null);
    }

    public PatchRequest reversed() {
        return new PatchRequest(tree, outDir, inPlace, check, true, patchSet);
    }

    public PatchRequest withPatchSet(PatchSet set) {
        return new PatchRequest(tree, outDir, inPlace, check, reverse, set);
    }
}
