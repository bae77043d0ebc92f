package io.nasql.emulator;

import java.time.Duration;

/**
 * One fixed quota window that opens at its first request, so a burst that fits the limit always
 * fits, wherever it falls on the monotonic clock. (Windows aligned to {@code System.nanoTime()}
 * multiples split a burst in two at an arbitrary instant and made quota tests flaky.)
 */
final class QuotaWindow {
    private final long lengthNanos;
    private final int limit;
    private long openedAt;
    private int used;
    private boolean open;

    QuotaWindow(Duration length, int limit) {
        this.lengthNanos = length.toNanos();
        this.limit = limit;
    }

    /** Charges one request at {@code now} (nanoTime) and says whether it fits this window. */
    synchronized boolean take(long now) {
        if (!open || now - openedAt >= lengthNanos) {
            open = true;
            openedAt = now;
            used = 0;
        }
        used++;
        return used <= limit;
    }
}
