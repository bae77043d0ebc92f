package io.nasql.sync;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.DeleteNasJobRequest;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsClient;
import com.google.rpc.Code;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Create, delete and cancel, written through to the API first and to the inventory only once
 * the API has answered: a failed call leaves the inventory as it was. Every call, polls of a
 * delete operation included, goes through the {@link CallRunner}: its rate limits, its backoff on
 * RESOURCE_EXHAUSTED, and for creates, cancels and deletes the submission quota's pace.
 */
public final class JobWriter {
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(10);

    private final JobServiceClients clients;
    private final CallRunner runner;
    private final InventoryStore store;
    private final Clock clock;
    private final Duration deleteTimeout;
    private final CancelToken cancel;

    public JobWriter(JobServiceClients clients, CallRunner runner, InventoryStore store, Clock clock) {
        this(clients, runner, store, clock, new CancelToken());
    }

    /**
     * A writer for one statement: {@code cancel} cuts short the backoff between retries of its calls.
     * A delete operation is polled for the runner's {@code SyncOptions.deleteTimeout}, the one bound on that wait.
     */
    public JobWriter(JobServiceClients clients, CallRunner runner, InventoryStore store, Clock clock, CancelToken cancel) {
        this.clients = clients;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.cancel = cancel;
        this.deleteTimeout = runner.options().deleteTimeout();
    }

    /**
     * CreateNasJob, then the created job into the inventory. Validation problems throw before any
     * call; after an ambiguous failure the job is looked for before it is sent again.
     */
    public NasJob create(ScopeKey scope, NasJob job) throws InterruptedException {
        JobValidator.check(job);
        NasJob created = new DuplicateFreeCreate(clients.forLocation(scope.locationsId()), runner, store, clock, cancel).create(scope, job);
        store.putJob(scope, created, "insert", now());
        return created;
    }

    /** A delete under way: its operation, polled by {@link #awaitDelete}, or left alone (NOWAIT). */
    public record PendingDelete(ScopeKey scope, String nasJobsId, String operationName, long startedNanos) {
    }

    /**
     * Sends DeleteNasJob; the inventory keeps the row until the operation is done. A retry that
     * finds the job gone after an ambiguous failure means the first try deleted it: the row goes
     * at once, and the delete has no operation to await.
     */
    public PendingDelete startDelete(ScopeKey scope, String nasJobsId) throws InterruptedException {
        JobServiceClient client = clients.forLocation(scope.locationsId());
        DeleteNasJobRequest request = DeleteNasJobRequest.newBuilder().setName(name(scope, nasJobsId)).build();
        AmbiguousTries tries = new AmbiguousTries();
        // The plain unary call: gax's own polling of the operation would bypass the rate limits.
        Operation operation = runner.submit(scope, () -> tries.run(() -> client.deleteNasJobCallable().call(request),
                StatusCode.Code.NOT_FOUND, null), true, cancel);
        if (operation == null) {
            store.removeJob(scope, nasJobsId, "delete", now());
            return new PendingDelete(scope, nasJobsId, null, System.nanoTime());
        }
        return new PendingDelete(scope, nasJobsId, operation.getName(), System.nanoTime());
    }

    /**
     * Waits up to {@code step} for the delete, polling its operation: true once it is done and the
     * row is gone, false while it is still running (call again) or once cancelled, an {@link ApiCallException}
     * when it failed, and a {@link DeleteUnconfirmedException} when its operation could not be read or it
     * ran past the delete timeout (the row is kept: a later sync sees it gone).
     */
    public boolean awaitDelete(PendingDelete delete, Duration step) throws InterruptedException {
        if (delete.operationName() == null) {
            return true;
        }
        long stepEnd = System.nanoTime() + step.toNanos();
        OperationsClient operations = clients.forLocation(delete.scope().locationsId()).getOperationsClient();
        GetOperationRequest poll = GetOperationRequest.newBuilder().setName(delete.operationName()).build();
        while (true) {
            long next = nextPoll(delete.startedNanos(), System.nanoTime());
            if (next > stepEnd) {
                sleepUntil(stepEnd);
                if (!cancel.isCancelled()) {
                    // A Ctrl-C that woke the wait is a cancel, even in the last step before the timeout.
                    checkTimeout(delete);
                }
                return false;
            }
            sleepUntil(next);
            if (cancel.isCancelled()) {
                // The caller sees the cancel and says the delete goes on at the API.
                return false;
            }
            // A plain unary GetOperation: no gax polling future here that could be cancelled under us;
            // one attempt with nasql's call deadline, cut to the time left before the delete timeout.
            Operation operation;
            try {
                operation = runner.call(delete.scope(), () -> operations.getOperationCallable().call(poll,
                        clients.pollContext(timeLeft(delete))), true, cancel);
            } catch (CancelledException e) {
                // Ctrl-C between the check above and the poll: the delete was sent all the same.
                return false;
            } catch (DeleteUnconfirmedException e) {
                // The timeout, found as a poll was about to start: its own message, not wrapped in another.
                throw e;
            } catch (ApiCallException e) {
                if (cancel.isCancelled()) {
                    // Ctrl-C in a refused poll's backoff: the API took the delete; the caller says it goes on.
                    return false;
                }
                throw new DeleteUnconfirmedException(e.code(), "the delete of " + delete.scope() + "/" + delete.nasJobsId()
                        + " was sent, but its operation could not be read (" + e.getMessage()
                        + "); its row is kept until a sync sees it gone", e);
            }
            if (operation.getDone()) {
                if (operation.hasError()) {
                    throw new ApiCallException(Code.forNumber(operation.getError().getCode()).name(),
                            operation.getError().getMessage(), null);
                }
                store.removeJob(delete.scope(), delete.nasJobsId(), "delete", now());
                return true;
            }
            checkTimeout(delete);
        }
    }

    /**
     * The next poll at or after {@code now}: 250 ms after the start, then each wait 1.5 times the one
     * before, at most 10 s (the library's own schedule, but from a shorter first delay). Stateless,
     * so however often the caller comes back, each point of the schedule is polled once.
     */
    private static long nextPoll(long startedNanos, long nowNanos) {
        long interval = FIRST_POLL.toNanos();
        long at = startedNanos + interval;
        while (at < nowNanos) {
            interval = Math.min(interval * 3 / 2, MAX_POLL_INTERVAL.toNanos());
            at += interval;
        }
        return at;
    }

    /** The time left before the delete timeout; a poll (or its retry) that would start past it gives up instead. */
    private Duration timeLeft(PendingDelete delete) {
        long left = delete.startedNanos() + deleteTimeout.toNanos() - System.nanoTime();
        if (left <= 0) {
            throw gaveUp(delete);
        }
        return Duration.ofNanos(left);
    }

    private void checkTimeout(PendingDelete delete) {
        if (System.nanoTime() - delete.startedNanos() >= deleteTimeout.toNanos()) {
            throw gaveUp(delete);
        }
    }

    private ApiCallException gaveUp(PendingDelete delete) {
        return new DeleteUnconfirmedException("DEADLINE_EXCEEDED", "the delete of " + delete.scope() + "/" + delete.nasJobsId()
                + " did not finish in " + Durations.text(deleteTimeout) + "; its row is kept until a sync sees it gone", null);
    }

    /** Sleeps until {@code nanos}, or until the statement is cancelled. */
    private void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            cancel.sleep(Duration.ofNanos(wait));
        }
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
        boolean sent = runner.submit(scope, () -> tries.run(() -> {
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
}
