package io.nasql.sync;

/**
 * A token bucket for one scope. RESOURCE_EXHAUSTED halves its rate (once a second at most, as
 * the calls in flight at that moment all tend to fail together); each success wins a little of
 * it back, up to the configured rate.
 */
final class ScopeRateLimiter {
    private final double maxPerSecond;
    private final double burst;
    private double perSecond;
    private double tokens;
    private long lastNanos;
    private long lastSlowDownNanos;

    ScopeRateLimiter(int perMinute, int burst) {
        this.maxPerSecond = perMinute / 60.0;
        this.perSecond = maxPerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    /** Waits until the scope may make one more call, or until {@code cancel}; true when cancelled. */
    boolean acquire(CancelToken cancel) throws InterruptedException {
        return acquire(cancel, w -> { });
    }

    /** As {@link #acquire(CancelToken)}, telling {@code waiting} first how long (nanoseconds) it will wait, when it must. */
    boolean acquire(CancelToken cancel, java.util.function.LongConsumer waiting) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        }
        if (waitNanos <= 0) {
            return false;
        }
        waiting.accept(waitNanos);
        return cancel.sleep(java.time.Duration.ofNanos(waitNanos));
    }

    synchronized void slowDown() {
        long now = System.nanoTime();
        if (lastSlowDownNanos != 0 && now - lastSlowDownNanos < 1_000_000_000L) {
            return;
        }
        lastSlowDownNanos = now;
        perSecond = Math.max(maxPerSecond / 16, perSecond / 2);
        tokens = Math.min(tokens, 0);
    }

    synchronized void succeeded() {
        perSecond = Math.min(maxPerSecond, perSecond * 1.05);
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }
}
