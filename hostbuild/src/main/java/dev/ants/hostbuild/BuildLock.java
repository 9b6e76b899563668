package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Serialises builds sharing one build root (same tree, same architecture): mk must not race itself. */
final class BuildLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BuildLock acquire(Path root) throws IOException {
        Files.createDirectories(root);
        FileChannel ch = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new BuildLock(ch, ch.lock());
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
