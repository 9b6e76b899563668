package dev.ants.patch;

import dev.ants.core.AntsException;
import dev.ants.core.FileTrees;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a plan's changes into a directory all-or-nothing, even across a kill. Before any tree file is
 * touched, a journal (a copy of every file to be replaced or deleted, plus the list of files and
 * directories to be created) is written under a temporary name and committed by renaming it to
 * {@value #JOURNAL}. Each file is then replaced by writing a temporary sibling and renaming it over
 * the original. On success the journal is removed; on an error it is played back at once; after a
 * kill, {@link #recover} plays it back on the next run. Playback is idempotent, so a kill during
 * recovery is recovered by the run after.
 */
final class TreeWriter {
    static final String JOURNAL = ".ants-patch-journal";
    private static final String JOURNAL_NEW = JOURNAL + ".new";
    private static final String JOURNAL_DONE = JOURNAL + ".done";
    private static final String LIST = "journal";
    private static final String MAGIC = "ants-patch-journal 1";
    private static final String TEMP_SUFFIX = ".ants-new";

    /** Called after each file is renamed or deleted; tests use it to interrupt a run part-way. */
    interface Hook {
        void afterFile(String path) throws IOException;

        Hook NONE = path -> { };
    }

    private TreeWriter() {
    }

    static boolean hasJournal(Path root) {
        return Files.isDirectory(root.resolve(JOURNAL));
    }

    /**
     * Plays back the journal an interrupted run left in {@code root}, if any, and clears leftovers.
     * Returns the paths restored (empty when there was nothing to recover).
     */
    static List<String> recover(Path root) throws IOException {
        FileTrees.deleteTree(root.resolve(JOURNAL_NEW));   // never committed: no tree file was touched yet
        FileTrees.deleteTree(root.resolve(JOURNAL_DONE));  // committed run whose cleanup was interrupted
        Path journal = root.resolve(JOURNAL);
        if (!Files.isDirectory(journal)) return List.of();
        List<String[]> entries = readEntries(journal);
        List<String> restored = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            String[] e = entries.get(i);
            String kind = e[0];
            Path target = root.resolve(e[3]);
            Files.deleteIfExists(tempSibling(target));
            switch (kind) {
                case "M", "D" -> {
                    byte[] original = Files.readAllBytes(journal.resolve("files").resolve(e[1]));
                    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                            || !Arrays.equals(original, Files.readAllBytes(target))) {
                        Files.createDirectories(target.getParent());
                        replace(target, original, Integer.parseInt(e[2], 8));
                        restored.add(e[3]);
                    }
                }
                case "C" -> {
                    if (Files.deleteIfExists(target)) restored.add(e[3]);
                }
                case "d" -> deleteIfEmpty(target);
                default -> throw new IOException("unknown journal entry " + kind);
            }
        }
        finish(root);
        return restored;
    }

    /** Applies {@code changes} to {@code root}; on any failure leaves every file as it was. */
    static void write(Path root, List<Plan.Change> changes, Hook hook) throws IOException {
        if (changes.isEmpty()) return;
        journal(root, changes);
        try {
            for (Plan.Change c : changes) {
                Path target = root.resolve(c.path());
                verifyUnchanged(target, c);
                if (c.deletes()) {
                    Files.delete(target);
                    removeEmptyParents(root, target.getParent());
                } else {
                    Files.createDirectories(target.getParent());
                    replace(target, c.after(), c.mode());
                }
                hook.afterFile(c.path());
            }
        } catch (IOException | RuntimeException e) {
            try {
                recover(root);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        finish(root);
    }

    /** Writes the journal under a temporary name and commits it with one rename. */
    private static void journal(Path root, List<Plan.Change> changes) throws IOException {
        Path fresh = root.resolve(JOURNAL_NEW);
        FileTrees.deleteTree(fresh);
        Files.createDirectories(fresh.resolve("files"));
        List<String[]> entries = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        int n = 0;
        for (Plan.Change c : changes) {
            Path target = root.resolve(c.path());
            if (c.creates()) {
                // Directories the change creates, outermost first, so playback removes them innermost first.
                List<String> missing = new ArrayList<>();
                for (Path d = target.getParent(); !d.equals(root) && !Files.exists(d); d = d.getParent()) {
                    missing.add(0, root.relativize(d).toString());
                }
                for (String d : missing) {
                    if (!dirs.contains(d)) {
                        dirs.add(d);
                        entries.add(new String[] {"d", "-", "-", d});
                    }
                }
                entries.add(new String[] {"C", "-", "-", c.path()});
            } else {
                String id = Integer.toString(n++);
                Path backup = fresh.resolve("files").resolve(id);
                Files.write(backup, c.before());
                force(backup);
                int mode = FileModes.get(target);
                entries.add(new String[] {c.deletes() ? "D" : "M", id, Integer.toOctalString(mode), c.path()});
            }
        }
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        for (String[] e : entries) sb.append(String.join("\t", e)).append('\n');
        Path list = fresh.resolve(LIST);
        Files.writeString(list, sb, StandardCharsets.UTF_8);
        force(list);
        forceDir(fresh.resolve("files"));
        forceDir(fresh);
        Files.move(fresh, root.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE);
        forceDir(root);
    }

    private static List<String[]> readEntries(Path journal) throws IOException {
        List<String> lines = Files.readAllLines(journal.resolve(LIST), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw AntsException.environment("the journal in " + journal + " is not one this version can read",
                    "restore the tree from a copy, then delete " + journal);
        }
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isEmpty()) out.add(l.split("\t", 4));
        }
        return out;
    }

    /** Refuses to overwrite a file that changed since the plan was made (someone else wrote it). */
    private static void verifyUnchanged(Path target, Plan.Change c) throws IOException {
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        boolean same = c.creates() ? !exists : exists && Arrays.equals(c.before(), Files.readAllBytes(target));
        if (!same) {
            throw AntsException.environment(target + " changed while it was being patched; every file was restored",
                    "make sure nothing else writes the tree, then run again");
        }
    }

    /** Atomically replaces {@code target} by a file holding {@code bytes} with {@code mode}. */
    private static void replace(Path target, byte[] bytes, int mode) throws IOException {
        Path tmp = tempSibling(target);
        Files.write(tmp, bytes);
        FileModes.set(tmp, mode);
        force(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path tempSibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    /** Commits: the journal is renamed away first, so a kill during deletion cannot trigger playback. */
    private static void finish(Path root) throws IOException {
        Path journal = root.resolve(JOURNAL);
        if (Files.isDirectory(journal)) {
            FileTrees.deleteTree(root.resolve(JOURNAL_DONE));
            Files.move(journal, root.resolve(JOURNAL_DONE), StandardCopyOption.ATOMIC_MOVE);
            forceDir(root);
        }
        FileTrees.deleteTree(root.resolve(JOURNAL_DONE));
    }

    private static void removeEmptyParents(Path root, Path dir) throws IOException {
        for (Path d = dir; d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            if (!deleteIfEmpty(d)) return;
        }
    }

    private static boolean deleteIfEmpty(Path d) throws IOException {
        try {
            return Files.deleteIfExists(d);
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes a rename durable; not every file system allows opening a directory, and that is fine. */
    private static void forceDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort only: the rename itself is atomic either way.
        }
    }
}
