package dev.ants.patch;

import dev.ants.core.progress.ProgressListener;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Copies a whole tree with real copies (no hard links: a later write to either tree must never show
 * up in the other), keeping permissions and modification times so mk sees the same ages.
 */
final class TreeCopier {
    private TreeCopier() {
    }

    static void copy(Path from, Path to, ProgressListener progress) throws IOException {
        long total;
        try (var s = Files.walk(from)) {
            total = s.count();
        }
        progress.phase("copy tree", total);
        long[] done = {0};
        Deque<FileTime> dirTimes = new ArrayDeque<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                dirTimes.push(attrs.lastModifiedTime());
                tick(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                tick(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) throw exc;
                // Creating entries bumped the copy's time; put the original back.
                Files.setLastModifiedTime(to.resolve(from.relativize(dir).toString()), dirTimes.pop());
                return FileVisitResult.CONTINUE;
            }

            private void tick(Path p) {
                done[0]++;
                if (done[0] % 500 == 0 || done[0] == total) progress.advance(done[0], from.relativize(p).toString());
            }
        });
        progress.endPhase();
    }
}
