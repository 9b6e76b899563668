package dev.ants.patch;

import java.util.List;

/**
 * What a run will do, computed entirely in memory: the files to write, create or delete, or nothing
 * because the tree is already in the requested state.
 */
record Plan(boolean alreadyDone, List<Change> changes, List<PatchReport.FileReport> files, List<String> notes) {
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
