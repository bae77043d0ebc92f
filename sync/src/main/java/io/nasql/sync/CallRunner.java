package io.nasql.sync;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.nasql.db.ScopeKey;

/**
 * Runs every API call of nasql: at most {@code concurrency} in flight over all scopes, each
 * scope under its rate limit, retrying transient failures with exponential backoff and jitter (a random delay between half and all of the doubled ceiling).
 * Creates, cancels and deletes also pass a second, slower limit per scope: the service's
 * quota on job and long-running-operation submissions.
 */
public final class CallRunner {
    private static final Set<StatusCode.Code> RETRIED = EnumSet.of(
            StatusCode.Code.UNAVAILABLE, StatusCode.Code.DEADLINE_EXCEEDED, StatusCode.Code.RESOURCE_EXHAUSTED);

    private final SyncOptions options;
    private final Semaphore inFlight;
    private final Map<ScopeKey, ScopeRateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<ScopeKey, ScopeRateLimiter> submitLimiters = new ConcurrentHashMap<>();
    private volatile Consumer<String> pacing = message -> { };
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public CallRunner(SyncOptions options) {
        this.options = options;
        this.inFlight = new Semaphore(options.concurrency(), true);
    }

    /** Runs one call for a scope; a failure that outlasts the retries is an {@link ApiCallException}. */
    public <T> T call(ScopeKey scope, Supplier<T> call) throws InterruptedException {
        return call(scope, call, true);
    }

    /**
     * As {@link #call(ScopeKey, Supplier)}; a call that is not idempotent (a create) is not
     * retried after UNAVAILABLE or DEADLINE_EXCEEDED, since the service may have done it
     * already: its caller looks first (see {@link DuplicateFreeCreate}).
     */
    public <T> T call(ScopeKey scope, Supplier<T> call, boolean idempotent) throws InterruptedException {
        return call(scope, call, idempotent, new CancelToken());
    }

    /**
     * As {@link #call(ScopeKey, Supplier, boolean)}, with the backoff between retries cut short
     * by {@code cancel}: then the last failure is thrown and no further attempt is made.
     */
    public <T> T call(ScopeKey scope, Supplier<T> call, boolean idempotent, CancelToken cancel) throws InterruptedException {
        return run(scope, call, idempotent, cancel, null);
    }

    /**
     * A create, cancel or delete: paced under the submission quota of its scope as well (a bulk
     * write waits its turn here, and says so through {@link #onPacing}), then run as {@link #call}.
     */
    public <T> T submit(ScopeKey scope, Supplier<T> call, boolean idempotent, CancelToken cancel) throws InterruptedException {
        ScopeRateLimiter submits = submitLimiters.computeIfAbsent(scope,
                s -> new ScopeRateLimiter(options.submitsPerMinute(), SyncOptions.SUBMIT_BURST));
        return run(scope, call, idempotent, cancel, submits);
    }

    /** Where a submission that must wait for its quota says so, e.g. a progress line. */
    public void onPacing(Consumer<String> listener) {
        this.pacing = listener;
    }

    private <T> T run(ScopeKey scope, Supplier<T> call, boolean idempotent, CancelToken cancel, ScopeRateLimiter submits)
            throws InterruptedException {
        ScopeRateLimiter limiter = limiters.computeIfAbsent(scope, s -> new ScopeRateLimiter(options.perScopePerMinute(), options.burst()));
        ApiException failure = null;
        for (int attempt = 1; ; attempt++) {
            // A cancel during a rate limiter's wait (or before it) starts no call.
            if (submits != null && submits.acquire(cancel, nanos -> pacing.accept(String.format(java.util.Locale.ROOT,
                    "pacing writes to %s under the submission quota (%d a minute): next in %.1fs",
                    scope, options.submitsPerMinute(), nanos / 1e9)))) {
                throw cancelled(failure);
            }
            if (limiter.acquire(cancel) || cancel.isCancelled()) {
                throw cancelled(failure);
            }
            inFlight.acquire();
            try {
                calls.incrementAndGet();
                T result = call.get();
                limiter.succeeded();
                return result;
            } catch (ApiException e) {
                failure = e;
            } finally {
                inFlight.release();
            }
            StatusCode.Code code = failure.getStatusCode().getCode();
            boolean mayBeDone = !idempotent && code != StatusCode.Code.RESOURCE_EXHAUSTED;
            if (!RETRIED.contains(code) || mayBeDone || attempt >= options.maxAttempts()) {
                throw ApiCallException.of(failure);
            }
            if (code == StatusCode.Code.RESOURCE_EXHAUSTED) {
                // The submission quota is the tighter one; a submission refused slows submissions down.
                (submits != null ? submits : limiter).slowDown();
            }
            if (backoff(attempt, cancel)) {
                throw cancelled(failure);
            }
        }
    }

    /**
     * What a cancel before an attempt throws: nothing was sent yet ({@link CancelledException}), or
     * the last failure, since a call that was sent and failed may have acted and must not be
     * reported as not attempted.
     */
    private static RuntimeException cancelled(ApiException lastFailure) {
        if (lastFailure == null) {
            return new CancelledException();
        }
        ApiCallException last = ApiCallException.of(lastFailure);
        return new ApiCallException(last.code(), last.getMessage() + " (not retried: cancelled)", lastFailure);
    }

    /** Waits before try {@code attempt + 1}, counted as a retry. */
    public void backoff(int attempt) throws InterruptedException {
        backoff(attempt, new CancelToken());
    }

    /** As {@link #backoff(int)}, woken up by {@code cancel}; true when it was, and then no retry should follow. */
    public boolean backoff(int attempt, CancelToken cancel) throws InterruptedException {
        retries.incrementAndGet();
        return cancel.sleep(java.time.Duration.ofMillis(backoffMillis(attempt)));
    }

    /** Tries of one call at most. */
    public int maxAttempts() {
        return options.maxAttempts();
    }

    private long backoffMillis(int attempt) {
        long ceiling = Math.min(options.backoffMax().toMillis(), options.backoffBase().toMillis() << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    SyncOptions options() {
        return options;
    }

    /** API calls made so far, retries included. */
    public long calls() {
        return calls.get();
    }

    public long retries() {
        return retries.get();
    }
}
