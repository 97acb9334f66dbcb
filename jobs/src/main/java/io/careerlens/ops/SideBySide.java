package io.careerlens.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of a step on a few threads. Most of a small Spark job's time is the
 * driver's (planning, scheduling, Delta commits), so while one piece waits on its commit another
 * keeps the cores busy; Spark takes jobs from several threads at once.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /**
     * Each task's result, in the tasks' order, once every task has ended. The first failure (in task
     * order) is rethrown as it was: a runtime exception or an error (a simulated kill stays one).
     */
    public static <T> List<T> run(List<Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the step's tasks", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
