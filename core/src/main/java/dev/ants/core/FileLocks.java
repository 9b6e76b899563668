package dev.ants.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on a lock file, between processes and between threads of one process. A file lock
 * alone serialises processes only: a second thread of the same JVM asking for it gets
 * OverlappingFileLockException instead of waiting (two it-tests, or two library users, building the
 * same kernel at once). So each file also has a lock in this JVM, taken first.
 */
public final class FileLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** A held lock; closing it (once; again does nothing) releases the file lock, then the thread's. */
    public interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Blocks until this thread holds {@code file} (created if missing) against every thread and process. */
    public static Held acquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock mine = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        mine.lock();
        FileChannel ch = null;
        try {
            Files.createDirectories(key.getParent());
            ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock();
            FileChannel channel = ch;
            AtomicBoolean open = new AtomicBoolean(true);
            return () -> {
                if (!open.getAndSet(false)) return; // closing twice is harmless
                try {
                    lock.release();
                    channel.close();
                } finally {
                    mine.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            mine.unlock();
            throw e;
        }
    }
}
