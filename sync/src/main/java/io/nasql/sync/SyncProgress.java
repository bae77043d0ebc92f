package io.nasql.sync;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a running sync, read by whoever draws a progress line. */
public final class SyncProgress {
    private final AtomicInteger scopesTotal = new AtomicInteger();
    private final AtomicInteger scopesDone = new AtomicInteger();
    private final AtomicLong jobsListed = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();

    void total(int scopes) {
        scopesTotal.set(scopes);
    }

    void scopeDone(boolean ok) {
        scopesDone.incrementAndGet();
        if (!ok) {
            errors.incrementAndGet();
        }
    }

    void listed(int jobs) {
        jobsListed.addAndGet(jobs);
    }

    public int scopesTotal() {
        return scopesTotal.get();
    }

    public int scopesDone() {
        return scopesDone.get();
    }

    public long jobsListed() {
        return jobsListed.get();
    }

    public int errors() {
        return errors.get();
    }
}
