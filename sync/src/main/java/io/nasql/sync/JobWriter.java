package io.nasql.sync;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.DeleteOperationMetadata;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Empty;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Create, delete and cancel, written through to the API first and to the inventory only once
 * the API has answered: a failed call leaves the inventory as it was.
 */
public final class JobWriter {
    private final JobServiceClients clients;
    private final CallRunner runner;
    private final InventoryStore store;
    private final Clock clock;
    private final CancelToken cancel;

    public JobWriter(JobServiceClients clients, CallRunner runner, InventoryStore store, Clock clock) {
        this(clients, runner, store, clock, new CancelToken());
    }

    /** A writer for one statement: {@code cancel} cuts short the backoff between retries of its calls. */
    public JobWriter(JobServiceClients clients, CallRunner runner, InventoryStore store, Clock clock, CancelToken cancel) {
        this.clients = clients;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.cancel = cancel;
    }

    /**
     * CreateNasJob, then the created job into the inventory. Validation problems throw before any
     * call; after an ambiguous failure the job is looked for before it is sent again.
     */
    public NasJob create(ScopeKey scope, NasJob job) throws InterruptedException {
        var problems = JobValidator.problems(job);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        NasJob created = new DuplicateFreeCreate(clients.forLocation(scope.locationsId()), runner, store, clock, cancel).create(scope, job);
        store.putJob(scope, created, "insert", now());
        return created;
    }

    /** A delete under way: await it with {@link #awaitDelete}, or leave it (NOWAIT). */
    public record PendingDelete(ScopeKey scope, String nasJobsId, OperationFuture<Empty, DeleteOperationMetadata> operation) {
    }

    /** Sends DeleteNasJob; the inventory keeps the row until the operation is done. */
    public PendingDelete startDelete(ScopeKey scope, String nasJobsId) throws InterruptedException {
        JobServiceClient client = clients.forLocation(scope.locationsId());
        String name = name(scope, nasJobsId);
        OperationFuture<Empty, DeleteOperationMetadata> operation = runner.call(scope, () -> {
            OperationFuture<Empty, DeleteOperationMetadata> future = client.deleteNasJobAsync(name);
            unwrap(() -> future.getInitialFuture().get());
            return future;
        }, true, cancel);
        return new PendingDelete(scope, nasJobsId, operation);
    }

    /**
     * Waits up to {@code step} for the delete; true once it is done and the row is gone, false
     * while it is still running (call again), an {@link ApiCallException} when it failed.
     */
    public boolean awaitDelete(PendingDelete delete, Duration step) throws InterruptedException {
        try {
            delete.operation().get(step.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw failure(e);
        }
        store.removeJob(delete.scope(), delete.nasJobsId(), "delete", now());
        return true;
    }

    /** CancelNasJob, then GetNasJob to refresh the row (CANCELLING or CANCELLED). */
    public NasJob cancel(ScopeKey scope, String nasJobsId) throws InterruptedException {
        JobServiceClient client = clients.forLocation(scope.locationsId());
        String name = name(scope, nasJobsId);
        runner.call(scope, () -> {
            client.cancelNasJob(name);
            return Boolean.TRUE;
        }, true, cancel);
        NasJob job = runner.call(scope, () -> client.getNasJob(name), true, cancel);
        store.putJob(scope, job, "cancel", now());
        return job;
    }

    private static String parent(ScopeKey scope) {
        return "projects/" + scope.projectsId() + "/locations/" + scope.locationsId();
    }

    private static String name(ScopeKey scope, String nasJobsId) {
        return parent(scope) + "/nasJobs/" + nasJobsId;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Blocking {
        Object get() throws InterruptedException, ExecutionException;
    }

    /** Runs a blocking get, turning an API failure inside it into the ApiException the runner retries. */
    private static void unwrap(Blocking get) {
        try {
            get.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static RuntimeException failure(ExecutionException e) {
        if (e.getCause() instanceof ApiException api) {
            return ApiCallException.of(api);
        }
        return new ApiCallException("UNKNOWN", String.valueOf(e.getCause()), e.getCause());
    }
}
