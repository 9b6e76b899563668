package dev.ants.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hunks of one file in one patch. {@code oldPath} is null for a file the patch creates
 * ("--- /dev/null"), {@code newPath} null for one it deletes ("+++ /dev/null"). Paths are relative
 * to the tree root, already stripped of their first component (-p1).
 */
public record FilePatch(String patchName, String oldPath, String newPath, List<Hunk> hunks) {
    public FilePatch {
        hunks = List.copyOf(hunks);
    }

    /** The tree path this patch reads or writes. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    public boolean creates() {
        return oldPath == null;
    }

    public boolean deletes() {
        return newPath == null;
    }

    /** The patch that undoes this one: every hunk with its sides swapped (hunks stay in file order). */
    FilePatch reversed() {
        List<Hunk> r = new ArrayList<>(hunks.size());
        for (Hunk h : hunks) r.add(h.reversed());
        return new FilePatch(patchName, newPath, oldPath, Collections.unmodifiableList(r));
    }
}
