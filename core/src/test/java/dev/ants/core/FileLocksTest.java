package dev.ants.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FileLocksTest {
    @TempDir
    Path tmp;

    /** Two threads of one JVM: the second waits for the first instead of failing with OverlappingFileLockException. */
    @Test
    void aSecondThreadWaitsForTheFirst() throws Exception {
        Path f = tmp.resolve("sub/x.lock");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] fs = new Future<?>[4];
            for (int i = 0; i < fs.length; i++) {
                fs[i] = pool.submit(() -> {
                    start.await();
                    for (int k = 0; k < 20; k++) {
                        try (FileLocks.Held h = FileLocks.acquire(f)) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.sleep(1);
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> x : fs) x.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, most.get(), "more than one thread held the lock at once");
    }

    /** Released means released: the same thread takes it again, and so does another. */
    @Test
    void closingReleasesForEveryone() throws Exception {
        Path f = tmp.resolve("y.lock");
        FileLocks.acquire(f).close();
        try (FileLocks.Held h = FileLocks.acquire(f)) {
            ExecutorService one = Executors.newSingleThreadExecutor();
            try {
                Future<?> other = one.submit(() -> {
                    FileLocks.acquire(f).close();
                    return null;
                });
                Thread.sleep(200);
                assertFalse(other.isDone(), "another thread took a held lock");
                h.close();
                other.get(10, TimeUnit.SECONDS);
            } finally {
                one.shutdownNow();
            }
        }
    }
}
