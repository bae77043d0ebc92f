package io.nasql.emulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's slow answers for one method: the next {@code count} calls each take {@code delay}
 * before they are handled, e.g. polls of an operation that outlast the client's call deadline.
 */
final class SlowCalls {
    private final AtomicInteger left = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    void set(Duration delay, int count) {
        this.delay = delay;
        left.set(count);
    }

    void apply() throws InterruptedException {
        if (left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Thread.sleep(delay.toMillis());
        }
    }
}
