package io.nasql.sync;

import java.time.Duration;

/**
 * How hard sync and the writes may press the API.
 *
 * @param concurrency       calls in flight at most, over all scopes
 * @param perScopePerMinute calls per minute per (project, location), under the published quota
 *                          of 600 requests per minute per project and region
 * @param burst             calls a scope may make at once before the per-minute rate applies
 * @param maxAttempts       tries of one call on UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED
 * @param callDeadline      how long one try may take
 * @param backoffBase       the first retry's delay, doubled per retry, with full jitter
 * @param backoffMax        the longest delay between tries
 * @param submitsPerMinute  creates, cancels and deletes per minute per (project, location), under the
 *                          published 60 job or LRO submissions per minute per project and region
 * @param runningRefresh    a RUNNING job's trials are read again at least this often, whatever its updateTime
 * @param deleteTimeout     how long a delete operation is polled before nasql gives up waiting
 */
public record SyncOptions(int concurrency, int perScopePerMinute, int burst, int maxAttempts,
                          Duration callDeadline, Duration backoffBase, Duration backoffMax,
                          int submitsPerMinute, Duration runningRefresh, Duration deleteTimeout) {

    public static final int DEFAULT_CONCURRENCY = 32;
    /** Submissions a scope may make at once: with 54 a minute, no minute ever sees more than 60. */
    static final int SUBMIT_BURST = 5;

    public SyncOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (perScopePerMinute < 1 || burst < 1 || maxAttempts < 1 || submitsPerMinute < 1) {
            throw new IllegalArgumentException("rates, burst and attempts must be positive");
        }
    }

    public static SyncOptions defaults() {
        return new SyncOptions(DEFAULT_CONCURRENCY, 540, 60, 10, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(20),
                54, Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    public SyncOptions withConcurrency(int n) {
        return new SyncOptions(n, perScopePerMinute, burst, maxAttempts, callDeadline, backoffBase, backoffMax,
                submitsPerMinute, runningRefresh, deleteTimeout);
    }

    public SyncOptions withRate(int perMinute, int burstSize) {
        return new SyncOptions(concurrency, perMinute, burstSize, maxAttempts, callDeadline, backoffBase, backoffMax,
                submitsPerMinute, runningRefresh, deleteTimeout);
    }

    public SyncOptions withBackoff(Duration base, Duration max) {
        return new SyncOptions(concurrency, perScopePerMinute, burst, maxAttempts, callDeadline, base, max,
                submitsPerMinute, runningRefresh, deleteTimeout);
    }

    public SyncOptions withSubmitRate(int perMinute) {
        return new SyncOptions(concurrency, perScopePerMinute, burst, maxAttempts, callDeadline, backoffBase, backoffMax,
                perMinute, runningRefresh, deleteTimeout);
    }

    public SyncOptions withRunningRefresh(Duration every) {
        return new SyncOptions(concurrency, perScopePerMinute, burst, maxAttempts, callDeadline, backoffBase, backoffMax,
                submitsPerMinute, every, deleteTimeout);
    }

    public SyncOptions withDeleteTimeout(Duration timeout) {
        return new SyncOptions(concurrency, perScopePerMinute, burst, maxAttempts, callDeadline, backoffBase, backoffMax,
                submitsPerMinute, runningRefresh, timeout);
    }
}
