package io.nasql.sync;

import java.time.Duration;

/**
 * How hard sync may press the API.
 *
 * @param concurrency     calls in flight at most, over all scopes
 * @param perScopePerMinute calls per minute per (project, location), under the published quota
 *                        of 600 requests per minute per project and region
 * @param burst           calls a scope may make at once before the per-minute rate applies
 * @param maxAttempts     tries of one call on UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED
 * @param callDeadline    how long one try may take
 * @param backoffBase     the first retry's delay, doubled per retry, with full jitter
 * @param backoffMax      the longest delay between tries
 */
public record SyncOptions(int concurrency, int perScopePerMinute, int burst, int maxAttempts,
                          Duration callDeadline, Duration backoffBase, Duration backoffMax) {

    public static final int DEFAULT_CONCURRENCY = 32;

    public SyncOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (perScopePerMinute < 1 || burst < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("rate, burst and attempts must be positive");
        }
    }

    public static SyncOptions defaults() {
        return new SyncOptions(DEFAULT_CONCURRENCY, 540, 60, 10, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(20));
    }

    public SyncOptions withConcurrency(int n) {
        return new SyncOptions(n, perScopePerMinute, burst, maxAttempts, callDeadline, backoffBase, backoffMax);
    }

    public SyncOptions withRate(int perMinute, int burstSize) {
        return new SyncOptions(concurrency, perMinute, burstSize, maxAttempts, callDeadline, backoffBase, backoffMax);
    }

    public SyncOptions withBackoff(Duration base, Duration max) {
        return new SyncOptions(concurrency, perScopePerMinute, burst, maxAttempts, callDeadline, base, max);
    }
}
