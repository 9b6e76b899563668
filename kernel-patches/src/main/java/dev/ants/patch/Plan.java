package dev.ants.patch;

import java.util.List;

/**
 * What a run will do, computed entirely in memory: the files to write, create or delete, or nothing
 * because the tree is already in the requested state; and which variant of each patch that has
 * variants fits the tree.
 */
record Plan(boolean alreadyDone, List<Change> changes, List<PatchReport.FileReport> files, List<String> notes,
            List<PatchReport.VariantReport> variants) {
    /** One file's transition; null content means absent. */
    record Change(String path, byte[] before, byte[] after, int mode) {
        boolean creates() {
            return before == null;
        }

        boolean deletes() {
            return after == null;
        }
    }
}
