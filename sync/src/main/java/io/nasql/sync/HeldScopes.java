package io.nasql.sync;

import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeLeases;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scopes one sync worker holds now: taken by a lease, renewed every third of the lease's
 * length while the worker works on them, and given back when done.
 */
final class HeldScopes implements AutoCloseable {
    private final ScopeLeases leases;
    private final Set<ScopeKey> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    HeldScopes(ScopeLeases leases) {
        this.leases = leases;
        AtomicInteger n = new AtomicInteger();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nasql-lease-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long renewMillis = Math.max(50, leases.ttl().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the scope; false when another worker holds it. A lease row that stays locked past the
     * database's lock wait is another worker's too: it must not end this worker's run.
     */
    boolean take(ScopeKey scope) {
        try {
            if (!leases.acquire(scope)) {
                return false;
            }
        } catch (RuntimeException lockedOrLost) {
            return false;
        }
        held.add(scope);
        return true;
    }

    /**
     * {@code givenBackAtCommit}: the scope's last write released the lease with its commit (an OK
     * scope). A lease that cannot be given back expires at its time; that must not end the run either.
     */
    void giveBack(ScopeKey scope, boolean givenBackAtCommit) {
        held.remove(scope);
        if (!givenBackAtCommit) {
            try {
                leases.release(scope);
            } catch (RuntimeException e) {
                // it expires
            }
        }
    }

    private void renew() {
        try {
            leases.renew(List.copyOf(held));
        } catch (RuntimeException e) {
            // The next beat tries again; a lease lost meanwhile is caught when the scope commits.
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }
}
