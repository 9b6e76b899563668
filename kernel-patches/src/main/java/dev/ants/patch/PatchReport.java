package dev.ants.patch;

import java.util.List;

/**
 * What `ants patch` did (or, with --check, would do). Plain records so the CLI can print it with
 * Jackson for --json.
 *
 * @param result       applied, reversed, already-applied, already-reversed, would-apply, would-reverse,
 *                     would-do-nothing
 * @param changed      whether any file was (or, with --check, would be) written
 * @param output       the directory that holds the result: the copy, the tree itself (--in-place), or
 *                     null with --check
 * @param recovered    paths restored from the journal of an earlier run that was interrupted
 * @param copyMillis   time spent copying the tree (0 when no copy was made)
 * @param variants     for each patch that has variants, the one that fits the tree
 */
public record PatchReport(
        String tree,
        String output,
        String mode,
        String direction,
        String result,
        boolean changed,
        String patchSet,
        String fingerprint,
        List<String> patches,
        List<FileReport> files,
        List<String> recovered,
        List<String> notes,
        long copyMillis,
        long totalMillis,
        List<VariantReport> variants) {

    /**
     * One file. {@code action}: modified, created, deleted, or already (in the requested state).
     * {@code sources} are the series entries or new files that touched it.
     */
    public record FileReport(String path, String action, List<String> sources, List<HunkReport> hunks,
                             int linesAdded, int linesRemoved) {
    }

    /**
     * The variant of patch {@code patch} that fits the tree: {@code applied} (the diff file), the
     * revisions it was written for ({@code range}, "" when unsaid), and its place among the
     * {@code of} variants tried in order ({@code index} 0 = the patch itself).
     */
    public record VariantReport(String patch, String applied, String range, int index, int of) {
        /** One line for people, e.g. in `ants patch` output and build logs. */
        public String describe() {
            String r = Series.writtenFor(range);
            return patch + ": variant " + (index + 1) + " of " + of + ", " + applied + (r.isEmpty() ? "" : " (" + r + ")")
                    + (index == 0 ? "" : ", after " + index + " newer variant" + (index == 1 ? "" : "s") + " did not fit");
        }
    }

    /** One hunk and how many lines from its recorded position it was found (0 = exactly there). */
    public record HunkReport(String patch, String header, int offset) {
    }
}
