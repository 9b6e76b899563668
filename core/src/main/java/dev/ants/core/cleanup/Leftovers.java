package dev.ants.core.cleanup;

import dev.ants.core.FileTrees;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary names that carry their owner's pid, so a later run can tell a partial output of a killed
 * run (owner gone: remove it) from one a concurrent run is still writing (owner alive: leave it). Every
 * staging file or directory ants makes next to an output is named by {@link #tempName}.
 */
public final class Leftovers {
    private static final String MARK = ".ants-tmp-";
    /** Ours, and the names earlier versions used (.x.ants-partial-PID). */
    private static final Pattern OWNED = Pattern.compile("^\\..*(?:\\.ants-tmp-|\\.ants-partial-)(\\d+)(?:-.*)?$");

    private Leftovers() {
    }

    /** {@code .BASE.ants-tmp-PID-RANDOM}: hidden, next to the output, owned by this JVM. */
    public static String tempName(String base) {
        return "." + base + MARK + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Removes the leftovers in {@code dir} whose owner is no longer running; returns what it removed. */
    public static List<Path> removeStale(Path dir) {
        List<Path> removed = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return removed;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*")) {
            for (Path p : ds) {
                Matcher m = OWNED.matcher(p.getFileName().toString());
                if (!m.matches() || ownerAlive(Long.parseLong(m.group(1)))) continue;
                FileTrees.deleteTree(p);
                removed.add(p);
            }
        } catch (IOException | NumberFormatException ignored) {
            // unreadable directory or a name that only looks like ours: nothing to clean
        }
        return removed;
    }

    /** A live JVM with that pid; a reused pid of some other program does not protect a leftover. */
    static boolean ownerAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        return h.get().info().command().map(c -> c.endsWith("java") || c.contains("/java")).orElse(true);
    }
}
