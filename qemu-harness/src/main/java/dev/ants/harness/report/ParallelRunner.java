package dev.ants.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs independent jobs on N threads ({@code --jobs N}) and returns their results in input order. */
public final class ParallelRunner {
    private ParallelRunner() {
    }

    public static <T, R> List<R> run(List<T> items, int jobs, Function<T, R> work) throws InterruptedException {
        if (jobs <= 1 || items.size() <= 1) {
            List<R> out = new ArrayList<>();
            for (T t : items) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
                out.add(work.apply(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()), r -> {
            Thread t = new Thread(r, "ants-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : items) futures.add(pool.submit(() -> work.apply(t)));
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
