package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsResponse;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.InventoryStore;
import io.nasql.db.KnownJobs;
import io.nasql.db.ProtoJson;
import io.nasql.db.ScopeChanges;
import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeLeases;
import io.nasql.db.ScopeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Mirrors the NasJobs of many scopes into the inventory. Per scope: page through ListNasJobs,
 * GetNasJob only the new and changed jobs (the listing has no {@code nasJobOutput}) into a
 * staging area, then swap them in with one short transaction. A scope that fails, for any reason,
 * keeps its old rows and gets a FAILED row; the others go on.
 */
public final class SyncEngine implements AutoCloseable {
    /** The page size of every listing (the bench's ApiFloor asks for the same). */
    public static final int PAGE_SIZE = 100;
    /** Staged jobs are written in batches of this many, inside their scope's one transaction. */
    private static final int WRITE_BATCH = 500;
    /**
     * Serialized bytes of fetched jobs a scope keeps in memory before it stages the rest in a
     * temporary file: with 32 scopes fetching at once this stays a few MB of heap.
     */
    static final long STAGING_MEMORY_BYTES = 256 * 1024;

    private final InventoryStore store;
    /** The same store without the fence, for what no scope lease covers: projects whose locations could not be listed. */
    private final InventoryStore unleased;
    private final SyncWorker worker;
    private final HeldScopes held;
    private final JobServiceClients clients;
    private final CallRunner runner;
    private final SyncOptions options;
    private final Clock clock;
    private final JobFetcher fetcher;
    private final SyncProgress progress = new SyncProgress();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    /** Wakes the backoff sleeps of the run's calls on {@link #interrupt()}. */
    private final CancelToken stop = new CancelToken();
    private final Map<String, ScopeStatus> deniedProjects = new ConcurrentHashMap<>();

    public SyncEngine(InventoryStore store, JobServiceClients clients, CallRunner runner, SyncOptions options, Clock clock) {
        this(store, SyncWorker.local(), clients, runner, options, clock);
    }

    /** A sync worker among others on one inventory: each scope it syncs is held by a lease, and its writes fenced by it. */
    public SyncEngine(InventoryStore store, SyncWorker worker, JobServiceClients clients, CallRunner runner, SyncOptions options,
                      Clock clock) {
        this.worker = worker;
        ScopeLeases leases = store.leases(worker.id(), worker.leaseTtl());
        this.store = store.fencedBy(leases);
        this.unleased = store;
        this.held = new HeldScopes(leases);
        this.clients = clients;
        this.runner = runner;
        this.options = options;
        this.clock = clock;
        this.fetcher = new JobFetcher(runner, options.concurrency(), stop, interrupted);
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
        // A scope named twice (--projects a,a) is synced once: two syncs of one scope would race on its rows.
        scopes = List.copyOf(new LinkedHashSet<>(scopes));
        progress.total(scopes.size());
        // Every shard's worker learns of a project-wide failure (project/*); the one whose shard holds that key records it.
        known = known.stream().filter(o -> worker.shard().contains(o.scope())).toList();
        List<ScopeOutcome> outcomes = new ArrayList<>(known);
        for (ScopeOutcome failure : known) {
            // A project whose locations could not be listed is recorded as scope project/*; skipped UNSUPPORTED scopes keep their row.
            if (failure.status() != ScopeOutcome.Status.UNSUPPORTED && failure.status() != ScopeOutcome.Status.OK) {
                unleased.markScopeFailed(failure.scope(), ScopeStatus.valueOf(failure.status().name()), failure.message(), utc(started));
            }
        }
        int coordinators = Math.max(1, Math.min(scopes.size(), options.concurrency()));
        ExecutorService pool = Executors.newFixedThreadPool(coordinators, Threads.daemon("nasql-scope"));
        CredentialsException noCredentials = null;
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
                    } catch (CredentialsException e) {
                        // The others stop as on Ctrl-C (never interrupted inside H2); the run is recorded, then this is the error.
                        noCredentials = e;
                        interrupt();
                        break;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Instant ended = clock.instant();
        SyncReport report = new SyncReport(outcomes, runner.calls() - callsBefore, Duration.between(started, ended), interrupted.get());
        store.recordRun(report.runSummary(utc(started), utc(ended), worker));
        if (noCredentials != null) {
            throw noCredentials;
        }
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
        if (interrupted.get()) {
            return ScopeOutcome.interrupted(scope);
        }
        if (!held.take(scope)) {
            progress.scopeDone(true);
            return ScopeOutcome.held(scope, "another sync worker holds it");
        }
        ScopeOutcome outcome = null;
        try {
            outcome = syncHeldScope(scope);
            return outcome;
        } catch (ScopeLeases.LeaseLostException e) {
            progress.scopeDone(false);
            return ScopeOutcome.held(scope, e.getMessage());
        } finally {
            // An OK scope's last commit gave its lease back (one statement and commit less per scope).
            held.giveBack(scope, outcome != null && outcome.status() == ScopeOutcome.Status.OK);
        }
    }

    private ScopeOutcome syncHeldScope(ScopeKey scope) {
        ScopeOutcome outcome;
        try {
            outcome = interrupted.get() ? ScopeOutcome.interrupted(scope) : mirror(scope);
        } catch (InterruptedException | CancelledException e) {
            // CancelledException: the stop came while a call waited for its rate limiter; the scope is left as it was.
            outcome = ScopeOutcome.interrupted(scope);
        } catch (ApiCallException e) {
            // With the stop set, a failed try whose retry the stop cut short ("not retried: cancelled"): left as it was.
            outcome = stop.isCancelled() ? ScopeOutcome.interrupted(scope) : apiFailure(scope, e);
        } catch (CredentialsException | ScopeLeases.LeaseLostException e) {
            // No scope can be synced without credentials: the whole command fails, saying how to log in.
            // A lease lost is the scope's new holder's to sync: syncScope reports it HELD.
            throw e;
        } catch (RuntimeException e) {
            // Not the API's answer (the inventory refused a row, a staging file could not be written):
            // still only this scope's failure, recorded like one.
            outcome = failed(scope, ScopeStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        progress.scopeDone(outcome.status() == ScopeOutcome.Status.OK);
        return outcome;
    }

    private ScopeOutcome apiFailure(ScopeKey scope, ApiCallException e) {
        ScopeStatus status = ScopeFailures.classify(e);
        if (status == ScopeStatus.DISABLED) {
            // Project-wide, so its other scopes are not tried; a denial may be one location's (IAM condition).
            deniedProjects.putIfAbsent(scope.projectsId(), status);
        }
        return failed(scope, status, ScopeFailures.describe(e, status, scope.projectsId(), scope.locationsId()));
    }

    /** Records a scope's failure; if even that fails, the outcome still says why, and the run goes on. */
    private ScopeOutcome failed(ScopeKey scope, ScopeStatus status, String message) {
        String recorded = message;
        try {
            store.markScopeFailed(scope, status, message, utc(clock.instant()));
        } catch (ScopeLeases.LeaseLostException e) {
            throw e;
        } catch (RuntimeException e) {
            recorded = message + " (and its sync_scopes row could not be written: " + e.getMessage() + ")";
        }
        return new ScopeOutcome(scope, ScopeOutcome.Status.valueOf(status.name()), null, recorded);
    }

    private ScopeOutcome mirror(ScopeKey scope) throws InterruptedException {
        ScopeStatus denied = deniedProjects.get(scope.projectsId());
        if (denied != null) {
            throw new ApiCallException("PERMISSION_DENIED", "another scope of project " + scope.projectsId()
                    + " was answered " + denied + "; not tried", null, "SERVICE_DISABLED", List.of());
        }
        JobServiceClient client = clients.forLocation(scope.locationsId());
        // Trials of a running job move on whether or not its listed updateTime does: read them at least this often.
        KnownJobs stored = store.knownJobs(scope, utc(clock.instant().minus(options.runningRefresh())));
        Map<String, OffsetDateTime> known = stored.updateTimes();
        Set<String> due = stored.runningDue();
        Set<String> listed = new HashSet<>();
        List<String> toGet = new ArrayList<>();
        String parent = "projects/" + scope.projectsId() + "/locations/" + scope.locationsId();
        String token = "";
        do {
            ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent(parent).setPageSize(PAGE_SIZE).setPageToken(token).build();
            ListNasJobsResponse page = runner.call(scope, () -> client.listNasJobsCallable().call(request), true, stop);
            for (NasJob job : page.getNasJobsList()) {
                String id = JobFetcher.idOf(job.getName());
                listed.add(id);
                OffsetDateTime knownTime = known.get(id);
                OffsetDateTime listedTime = ProtoJson.time(job.getUpdateTime());
                if (!store.sameTime(knownTime, listedTime) || due.contains(id)) {
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
        try (ScopeStaging staging = new ScopeStaging(STAGING_MEMORY_BYTES)) {
            fetcher.fetch(scope, client, toGet, listed, staging);
            checkInterrupted();
            // Jobs gone between the listing and their GetNasJob are missing too.
            missing.addAll(known.keySet().stream().filter(id -> !listed.contains(id)).toList());
            // The one short transaction: the scope becomes exactly what the API listed, or stays as it was.
            ScopeChanges changes = store.replaceScope(scope, batch -> staging.forEachBatch(WRITE_BATCH, batch), () -> missing,
                    "sync", utc(clock.instant()));
            return ScopeOutcome.ok(scope, changes);
        }
    }

    private void checkInterrupted() throws InterruptedException {
        if (interrupted.get() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("sync interrupted");
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        held.close();
        fetcher.close();
    }
}
