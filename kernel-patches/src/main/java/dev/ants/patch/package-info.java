/**
 * The patch engine behind `ants patch`: our own unified-diff reader and applier (no library).
 *
 * <p>Entry point: {@code new PatchEngine().apply(PatchRequest, Progress)} returns a
 * {@link dev.ants.patch.PatchReport} (plain records, JSON via core's {@code Json}). Failures are
 * {@code AntsException}s: a set that does not apply is BAD_INPUT (2) naming the patch, the file, the
 * hunk header, the lines it expected and what the tree has; I/O trouble is ENVIRONMENT (3).
 *
 * <p>How a run goes: read the set ({@link dev.ants.patch.PatchSetSource}: the built-in set is packaged
 * into this jar from kernel-patches/patches and plan9rc/, read in place, never extracted); plan in
 * memory ({@link dev.ants.patch.Planner}: requested direction vs. opposite decides apply / already
 * done / conflict / partly patched); then write: into a full copy of the tree built under a hidden
 * staging name and renamed into place, or into the tree itself through a journal
 * ({@link dev.ants.patch.TreeWriter}) that an interrupted run's successor rolls back.
 *
 * <p>Matching is fuzz 0 with offset search nearest-first over the whole file. Bytes are handled as
 * ISO-8859-1 internally so any byte sequence survives unchanged; "\ No newline at end of file" is a
 * line without terminator. Reversing removes directories a deleted file leaves empty (trees come from
 * git, which has no empty directories).
 */
package dev.ants.patch;
