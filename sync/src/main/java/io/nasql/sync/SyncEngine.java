package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsResponse;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.InventoryStore;
import io.nasql.db.ProtoJson;
import io.nasql.db.ScopeChanges;
import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeStatus;
import io.nasql.db.SyncRunSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Mirrors the NasJobs of many scopes into the inventory. Per scope: page through ListNasJobs,
 * GetNasJob only the new and changed jobs (the listing has no {@code nasJobOutput}), then one
 * transaction. A scope that fails keeps its old rows; the others go on.
 */
public final class SyncEngine implements AutoCloseable {
    private static final int PAGE_SIZE = 100;
    /** Fetched jobs are written in batches of this many, inside their scope's transaction. */
    private static final int WRITE_BATCH = 100;
    /**
     * Scopes fetching and writing at once. Each holds an open H2 transaction whose changes H2 keeps
     * until it commits, so this bounds memory; the calls in flight are shared among them.
     */
    static final int SCOPES_WRITING = 8;

    private final InventoryStore store;
    private final JobServiceClients clients;
    private final CallRunner runner;
    private final SyncOptions options;
    private final Clock clock;
    private final ExecutorService getPool;
    private final SyncProgress progress = new SyncProgress();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    /** Wakes the backoff sleeps of the run's calls on {@link #interrupt()}. */
    private final CancelToken stop = new CancelToken();
    private final AtomicInteger activeScopes = new AtomicInteger();
    private final Set<String> deniedProjects = ConcurrentHashMap.newKeySet();
    private final Semaphore writing = new Semaphore(SCOPES_WRITING, true);

    public SyncEngine(InventoryStore store, JobServiceClients clients, CallRunner runner, SyncOptions options, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.runner = runner;
        this.options = options;
        this.clock = clock;
        this.getPool = Executors.newFixedThreadPool(options.concurrency(), Threads.daemon("nasql-get"));
    }

    /** Syncs the scopes and records the run; never throws for a scope's failure. */
    public SyncReport sync(List<ScopeKey> scopes) throws InterruptedException {
        return sync(scopes, List.of());
    }

    /**
     * As {@link #sync(List)}, with outcomes already known (projects whose locations could not be
     * listed), which count in the report and the run. Interrupting the calling thread stops the run
     * as {@link #interrupt()} does: what finished stays, and the run is recorded as interrupted.
     */
    public SyncReport sync(List<ScopeKey> scopes, List<ScopeOutcome> known) throws InterruptedException {
        return sync(scopes, known, runner.calls());
    }

    /** As {@link #sync(List, List)}, counting the API calls since {@code callsBefore} (those that found the scopes too). */
    public SyncReport sync(List<ScopeKey> scopes, List<ScopeOutcome> known, long callsBefore) throws InterruptedException {
        Instant started = clock.instant();
        progress.total(scopes.size());
        List<ScopeOutcome> outcomes = new ArrayList<>(known);
        int coordinators = Math.max(1, Math.min(scopes.size(), options.concurrency()));
        ExecutorService pool = Executors.newFixedThreadPool(coordinators, Threads.daemon("nasql-scope"));
        try {
            List<Future<ScopeOutcome>> futures = new ArrayList<>();
            for (ScopeKey scope : scopes) {
                futures.add(pool.submit(() -> syncScope(scope)));
            }
            for (Future<ScopeOutcome> future : futures) {
                while (true) {
                    try {
                        outcomes.add(Threads.await(future));
                        break;
                    } catch (InterruptedException e) {
                        // Ctrl-C in the shell: stop the scopes, then wait for them to wind down and record the run.
                        interrupt();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Instant ended = clock.instant();
        SyncReport report = new SyncReport(outcomes, runner.calls() - callsBefore, Duration.between(started, ended), interrupted.get());
        store.recordRun(new SyncRunSummary(utc(started), utc(ended), report.runStatus(),
                (int) report.count(ScopeOutcome.Status.OK), (int) report.count(ScopeOutcome.Status.FAILED),
                (int) report.count(ScopeOutcome.Status.DENIED), report.added(), report.changed(), report.removed(),
                report.apiCalls()));
        // The interrupt flag stays cleared: a thread interrupted inside H2's file I/O would close the database.
        return report;
    }

    /** Stops the run: finished scopes stay committed, the others are left as they were. */
    public void interrupt() {
        interrupted.set(true);
        stop.cancel();
    }

    public SyncProgress progress() {
        return progress;
    }

    private ScopeOutcome syncScope(ScopeKey scope) {
        ScopeOutcome outcome;
        try {
            outcome = interrupted.get() ? interruptedOutcome(scope) : mirror(scope);
        } catch (InterruptedException e) {
            outcome = interruptedOutcome(scope);
        } catch (ApiCallException e) {
            boolean denied = e.code().equals("PERMISSION_DENIED");
            if (denied) {
                deniedProjects.add(scope.projectsId());
            }
            ScopeStatus status = denied ? ScopeStatus.DENIED : ScopeStatus.FAILED;
            store.markScopeFailed(scope, status, e.toString(), utc(clock.instant()));
            outcome = new ScopeOutcome(scope, ScopeOutcome.Status.valueOf(status.name()), null, e.toString());
        }
        progress.scopeDone(outcome.status() == ScopeOutcome.Status.OK);
        return outcome;
    }

    private ScopeOutcome mirror(ScopeKey scope) throws InterruptedException {
        if (deniedProjects.contains(scope.projectsId())) {
            throw new ApiCallException("PERMISSION_DENIED", "another scope of project " + scope.projectsId()
                    + " was denied; not tried", null);
        }
        JobServiceClient client = clients.forLocation(scope.locationsId());
        Map<String, OffsetDateTime> known = store.updateTimes(scope);
        Set<String> listed = new HashSet<>();
        List<String> toGet = new ArrayList<>();
        String parent = "projects/" + scope.projectsId() + "/locations/" + scope.locationsId();
        String token = "";
        do {
            ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent(parent).setPageSize(PAGE_SIZE).setPageToken(token).build();
            ListNasJobsResponse page = runner.call(scope, () -> client.listNasJobsCallable().call(request), true, stop);
            for (NasJob job : page.getNasJobsList()) {
                String id = idOf(job.getName());
                listed.add(id);
                OffsetDateTime knownTime = known.get(id);
                OffsetDateTime listedTime = ProtoJson.time(job.getUpdateTime());
                if (knownTime == null || listedTime == null || !knownTime.isEqual(listedTime)) {
                    toGet.add(job.getName());
                }
            }
            progress.listed(page.getNasJobsCount());
            token = page.getNextPageToken();
            checkInterrupted();
        } while (!token.isEmpty());

        Set<String> missing = new HashSet<>(known.keySet());
        missing.removeAll(listed);
        if (toGet.isEmpty() && missing.isEmpty()) {
            // The common re-sync: one small write instead of a snapshot replace.
            store.markScopeUnchanged(scope, known.size(), utc(clock.instant()));
            return ScopeOutcome.ok(scope, new ScopeChanges(0, 0, 0, known.size()));
        }
        writing.acquire();
        // Only scopes fetching now share the calls in flight.
        activeScopes.incrementAndGet();
        try {
            checkInterrupted();
            // Jobs are written as their GetNasJob returns, so memory stays bounded however big the scope;
            // the scope's one transaction commits only when all are in, and anything thrown rolls it back.
            ScopeChanges changes = store.replaceScope(scope, batch -> fetch(scope, client, toGet, listed, batch), () -> {
                // Jobs gone between the listing and their GetNasJob are missing too.
                missing.addAll(known.keySet().stream().filter(id -> !listed.contains(id)).toList());
                return missing;
            }, "sync", utc(clock.instant()));
            return ScopeOutcome.ok(scope, changes);
        } catch (Stopped e) {
            throw new InterruptedException("sync interrupted");
        } finally {
            activeScopes.decrementAndGet();
            writing.release();
        }
    }

    /** A stop seen while fetching inside the scope's transaction; unchecked, so that it rolls the transaction back. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("sync interrupted", null, false, false);
        }
    }

    /**
     * GetNasJob for each name, a window at a time so that a big scope shares the calls with the
     * others, handing the jobs on in batches. A job gone since the listing (NOT_FOUND) is dropped
     * from {@code listed}. On a failure the calls still out are abandoned: they only read.
     */
    private void fetch(ScopeKey scope, JobServiceClient client, List<String> names, Set<String> listed,
                       Consumer<List<NasJob>> sink) {
        CompletionService<NasJob> completion = new ExecutorCompletionService<>(getPool);
        List<NasJob> batch = new ArrayList<>(WRITE_BATCH);
        Set<String> fetched = new HashSet<>();
        int next = 0;
        int outstanding = 0;
        try {
            while (next < names.size() || outstanding > 0) {
                int window = Math.max(2, options.concurrency() / Math.max(1, activeScopes.get()));
                while (next < names.size() && outstanding < window) {
                    String name = names.get(next++);
                    completion.submit(() -> getOrNull(scope, client, name));
                    outstanding++;
                }
                NasJob job = Threads.await(completion.take());
                outstanding--;
                if (job != null) {
                    fetched.add(idOf(job.getName()));
                    batch.add(job);
                    if (batch.size() == WRITE_BATCH) {
                        sink.accept(batch);
                        batch = new ArrayList<>(WRITE_BATCH);
                    }
                }
                checkInterrupted();
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        names.forEach(n -> {
            if (!fetched.contains(idOf(n))) {
                listed.remove(idOf(n));
            }
        });
    }

    private static String idOf(String name) {
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

    private void checkInterrupted() throws InterruptedException {
        if (interrupted.get() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("sync interrupted");
        }
    }

    private static ScopeOutcome interruptedOutcome(ScopeKey scope) {
        return new ScopeOutcome(scope, ScopeOutcome.Status.INTERRUPTED, null, "interrupted before it finished; left as it was");
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        getPool.shutdownNow();
    }
}
