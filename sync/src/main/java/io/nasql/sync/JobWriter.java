package io.nasql.sync;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.DeleteOperationMetadata;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
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

    /**
     * Sends DeleteNasJob; the inventory keeps the row until the operation is done. A retry that
     * finds the job gone after an ambiguous failure means the first try deleted it: the row goes
     * at once, and the delete has no operation to await.
     */
    public PendingDelete startDelete(ScopeKey scope, String nasJobsId) throws InterruptedException {
        JobServiceClient client = clients.forLocation(scope.locationsId());
        String name = name(scope, nasJobsId);
        AmbiguousTries tries = new AmbiguousTries();
        OperationFuture<Empty, DeleteOperationMetadata> operation = runner.call(scope, () -> tries.run(() -> {
            OperationFuture<Empty, DeleteOperationMetadata> future = client.deleteNasJobAsync(name);
            unwrap(() -> future.getInitialFuture().get());
            return future;
        }, StatusCode.Code.NOT_FOUND, null), true, cancel);
        if (operation == null) {
            store.removeJob(scope, nasJobsId, "delete", now());
        }
        return new PendingDelete(scope, nasJobsId, operation);
    }

    /**
     * Waits up to {@code step} for the delete; true once it is done and the row is gone, false
     * while it is still running (call again), an {@link ApiCallException} when it failed.
     */
    public boolean awaitDelete(PendingDelete delete, Duration step) throws InterruptedException {
        if (delete.operation() == null) {
            return true;
        }
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

    /** A cancel that the API accepted: the refreshed job, or null and why it was not read (a code, or "cancelled"). */
    public record Cancelled(NasJob job, String notRefreshed) {
    }

    /**
     * CancelNasJob, then GetNasJob to refresh the row (CANCELLING or CANCELLED). A cancel that
     * worked stays a success when the refresh fails. A retry answered FAILED_PRECONDITION after
     * an ambiguous failure is a success when the job is cancelling or cancelled: the first try did it.
     */
    public Cancelled cancel(ScopeKey scope, String nasJobsId) throws InterruptedException {
        JobServiceClient client = clients.forLocation(scope.locationsId());
        String name = name(scope, nasJobsId);
        AmbiguousTries tries = new AmbiguousTries();
        boolean sent = runner.call(scope, () -> tries.run(() -> {
            client.cancelNasJob(name);
            return Boolean.TRUE;
        }, StatusCode.Code.FAILED_PRECONDITION, Boolean.FALSE), true, cancel);
        NasJob job;
        try {
            job = runner.call(scope, () -> client.getNasJob(name), true, cancel);
        } catch (ApiCallException | CancelledException e) {
            // Ctrl-C after the cancel went through starts no read: the cancel stands, its state unread.
            if (!sent) {
                throw tries.settled;
            }
            return new Cancelled(null, e instanceof ApiCallException api ? api.code() : "cancelled");
        }
        if (!sent && job.getState() != JobState.JOB_STATE_CANCELLING && job.getState() != JobState.JOB_STATE_CANCELLED) {
            throw tries.settled;
        }
        store.putJob(scope, job, "cancel", now());
        return new Cancelled(job, null);
    }

    /**
     * The tries of one idempotent write. After a try that failed ambiguously (UNAVAILABLE or
     * DEADLINE_EXCEEDED: it may have acted), the answer {@code settledCode} means the earlier
     * try did the work; on a first try that answer stays a failure.
     */
    private static final class AmbiguousTries {
        private boolean ambiguous;
        private ApiCallException settled;

        <T> T run(java.util.function.Supplier<T> call, StatusCode.Code settledCode, T settledValue) {
            boolean retry = ambiguous;
            try {
                return call.get();
            } catch (ApiException e) {
                StatusCode.Code code = e.getStatusCode().getCode();
                if (retry && code == settledCode) {
                    settled = ApiCallException.of(e);
                    return settledValue;
                }
                ambiguous |= code == StatusCode.Code.UNAVAILABLE || code == StatusCode.Code.DEADLINE_EXCEEDED;
                throw e;
            }
        }
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
