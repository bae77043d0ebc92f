package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sync run's GetNasJob calls: each fetching scope gets a window of the calls in flight, so that
 * a big scope shares them with the others, and its jobs are staged as they arrive.
 */
final class JobFetcher implements AutoCloseable {
    private final CallRunner runner;
    private final int concurrency;
    private final CancelToken stop;
    private final AtomicBoolean interrupted;
    private final ExecutorService getPool;
    /** Only scopes fetching now share the calls in flight. */
    private final AtomicInteger activeScopes = new AtomicInteger();

    JobFetcher(CallRunner runner, int concurrency, CancelToken stop, AtomicBoolean interrupted) {
        this.runner = runner;
        this.concurrency = concurrency;
        this.stop = stop;
        this.interrupted = interrupted;
        this.getPool = Executors.newFixedThreadPool(concurrency, Threads.daemon("nasql-get"));
    }

    /**
     * GetNasJob for each name into {@code staging}. A job gone since the listing (NOT_FOUND) is
     * dropped from {@code listed}. On a failure the calls still out are abandoned: they only read.
     */
    void fetch(ScopeKey scope, JobServiceClient client, List<String> names, Set<String> listed, ScopeStaging staging)
            throws InterruptedException {
        activeScopes.incrementAndGet();
        try {
            CompletionService<NasJob> completion = new ExecutorCompletionService<>(getPool);
            Set<String> fetched = new HashSet<>();
            int next = 0;
            int outstanding = 0;
            while (next < names.size() || outstanding > 0) {
                int window = Math.max(2, concurrency / Math.max(1, activeScopes.get()));
                while (next < names.size() && outstanding < window) {
                    String name = names.get(next++);
                    completion.submit(() -> getOrNull(scope, client, name));
                    outstanding++;
                }
                NasJob job = Threads.await(completion.take());
                outstanding--;
                if (job != null) {
                    fetched.add(idOf(job.getName()));
                    staging.add(job);
                }
                if (interrupted.get() || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("sync interrupted");
                }
            }
            names.stream().map(JobFetcher::idOf).filter(id -> !fetched.contains(id)).forEach(listed::remove);
        } finally {
            activeScopes.decrementAndGet();
        }
    }

    static String idOf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private NasJob getOrNull(ScopeKey scope, JobServiceClient client, String name) throws InterruptedException {
        try {
            return runner.call(scope, () -> client.getNasJob(name), true, stop);
        } catch (ApiCallException e) {
            if (e.code().equals("NOT_FOUND")) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        getPool.shutdownNow();
    }
}
