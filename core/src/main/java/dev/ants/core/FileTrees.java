package dev.ants.core;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting directory trees, which the JDK lacks. Symbolic links are removed, never followed. */
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

    private static void delete(Path p) throws IOException {
        try {
            Files.delete(p);
        } catch (NoSuchFileException ignored) {
            // already gone: deleting is the goal
        }
    }
}
