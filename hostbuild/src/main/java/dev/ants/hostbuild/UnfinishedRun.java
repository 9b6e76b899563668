package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an mk run that did not finish leaves in the build root must never pass for done: mk trusts
 * mtimes, so a half-written libc.a (a full disk, a killed run) would look up to date for good. Every
 * run is bracketed by a marker; a failed run's written files are removed at once, and a killed run's
 * (its marker outlives it) by the next build before it starts. Only real files are touched, never the
 * links into the tree.
 */
final class UnfinishedRun {
    private static final String MARKER = ".mk-running";

    private UnfinishedRun() {
    }

    /**
     * Marks a run as started; returns the marker's mtime, the file system's own clock. A file of this run
     * is written later (a process start later), so it is newer; the run before may have written in the
     * same tick, so it is never taken for this run's (a second of slack here once removed the 386 boot
     * loaders when the UEFI loaders' run after them failed). On whole-second file systems the run waits
     * for the next second.
     */
    static FileTime begin(BuildRoot build) throws IOException {
        Path m = build.root().resolve(MARKER);
        Files.writeString(m, Long.toString(ProcessHandle.current().pid()));
        FileTime t = Files.getLastModifiedTime(m);
        if (t.toMillis() % 1000 == 0) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            Files.writeString(m, Long.toString(ProcessHandle.current().pid()));
            t = Files.getLastModifiedTime(m);
        }
        return t;
    }

    static void end(BuildRoot build) throws IOException {
        Files.deleteIfExists(build.root().resolve(MARKER));
    }

    /** Before a build: undoes the run a killed build left half done; returns what it removed. */
    static List<String> recover(BuildRoot build) throws IOException {
        Path m = build.root().resolve(MARKER);
        if (!Files.isRegularFile(m)) return List.of();
        List<String> removed = removeWrittenSince(build, Files.getLastModifiedTime(m));
        Files.delete(m);
        return removed;
    }

    /** Removes every real file of the shadow written after {@code since}: the outputs of a run that did not finish. */
    static List<String> removeWrittenSince(BuildRoot build, FileTime since) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String rel : BuildRoot.SHADOWED) {
            Path base = build.shadow(rel);
            if (!Files.isDirectory(base)) continue;
            try (Stream<Path> s = Files.walk(base)) {
                for (Path p : s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(since) > 0) {
                        Files.delete(p);
                        removed.add("/" + rel + "/" + base.relativize(p));
                    }
                }
            }
        }
        return removed;
    }
}
