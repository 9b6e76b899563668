package dev.ants.core;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongConsumer;

/** Copying and deleting directory trees, which the JDK lacks. Symbolic links are copied or removed, never followed. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code p} and everything under it; a missing path is fine. */
    public static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteTree} for clean-up paths where a failure must not hide the real error. */
    public static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException ignored) {
            // best effort: a temporary directory left behind is harmless
        }
    }

    /** {@link #copyTree(Path, Path, LongConsumer)} without progress. */
    public static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, n -> { });
    }

    /**
     * Copies a file or a directory tree with real copies (no hard links: a later write to either must
     * never show in the other), keeping permissions and modification times, directories' included, so
     * mk sees the same ages. Existing files in {@code to} are replaced. {@code copied} hears the running
     * count of entries copied.
     */
    public static void copyTree(Path from, Path to, LongConsumer copied) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            if (to.getParent() != null) Files.createDirectories(to.getParent());
            copyEntry(from, to);
            copied.accept(1);
            return;
        }
        if (to.getParent() != null) Files.createDirectories(to.getParent());
        long[] n = {0};
        Deque<FileTime> dirTimes = new ArrayDeque<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Path t = to.resolve(from.relativize(d).toString());
                if (!Files.isDirectory(t)) Files.copy(d, t, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                dirTimes.push(a.lastModifiedTime());
                copied.accept(++n[0]);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                copyEntry(f, to.resolve(from.relativize(f).toString()));
                copied.accept(++n[0]);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                // creating entries bumped the copy's time: put the original back
                Files.setLastModifiedTime(to.resolve(from.relativize(d).toString()), dirTimes.pop());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyEntry(Path f, Path t) throws IOException {
        Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    }

    private static void delete(Path p) throws IOException {
        try {
            Files.delete(p);
        } catch (NoSuchFileException ignored) {
            // already gone: deleting is the goal
        }
    }
}
