package dev.ants.hostbuild;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cold builds that finish together: every one publishes without an error, and one whole copy is left. */
class ToolchainPublishTest {
    @Test
    void concurrentPublishersOfOneKeyAllSucceedWithOneWholeCopy(@TempDir Path cache) throws Exception {
        Path dir = cache.resolve("0123abcd");
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path out = Files.createDirectories(cache.resolve(".tmp-" + i).resolve("out"));
                Files.createDirectories(out.resolve("bin"));
                Files.writeString(out.resolve("bin/mk"), "mk");
                Files.writeString(out.resolve("toolchain.json"), "{}");
                runs.add(pool.submit(() -> {
                    go.await();
                    BootstrapToolchainStep.publish(out, dir);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals("mk", Files.readString(dir.resolve("bin/mk")));
        assertTrue(Files.exists(dir.resolve("toolchain.json")));
        assertFalse(Files.exists(dir.resolve("out")), "no copy was moved inside the published one");
    }
}
