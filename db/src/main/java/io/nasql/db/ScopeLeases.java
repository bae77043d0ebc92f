package io.nasql.db;

import static io.nasql.db.generated.Tables.SYNC_LEASES;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;

/**
 * A sync worker's hold on scopes: one lease row per scope in {@code sync_leases}, with an expiry.
 * A worker takes a scope that nobody holds or whose lease expired, renews what it holds while it
 * works, and gives it back when done. A crashed worker renews nothing, so its scopes are free again
 * once {@code ttl} has passed. Every expiry is set and compared on the database's clock
 * ({@code CURRENT_TIMESTAMP}), never a worker's: a worker whose clock runs ahead cannot take a live
 * lease, and one whose clock runs behind cannot keep an expired one.
 */
public final class ScopeLeases {
    private final DSLContext dsl;
    private final String worker;
    private final Duration ttl;

    ScopeLeases(DSLContext dsl, String worker, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time, not " + ttl);
        }
        this.dsl = dsl;
        this.worker = worker;
        this.ttl = ttl;
    }

    public String worker() {
        return worker;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Takes the scope for this worker; false when another worker holds an unexpired lease on it. */
    public boolean acquire(ScopeKey scope) {
        int taken = dsl.update(SYNC_LEASES)
                .set(SYNC_LEASES.WORKER, worker)
                .set(SYNC_LEASES.EXPIRESAT, expiry())
                .where(key(scope))
                .and(SYNC_LEASES.WORKER.eq(worker).or(SYNC_LEASES.EXPIRESAT.lt(DSL.currentOffsetDateTime())))
                .execute();
        if (taken == 1) {
            return true;
        }
        try {
            return dsl.insertInto(SYNC_LEASES)
                    .set(SYNC_LEASES.PROJECTSID, scope.projectsId())
                    .set(SYNC_LEASES.LOCATIONSID, scope.locationsId())
                    .set(SYNC_LEASES.WORKER, worker)
                    .set(SYNC_LEASES.EXPIRESAT, expiry())
                    .onDuplicateKeyIgnore()
                    .execute() == 1;
        } catch (DataAccessException e) {
            // Another worker inserted the row first.
            return false;
        }
    }

    /** Extends the leases this worker still holds; returns how many it extended. */
    public int renew(Collection<ScopeKey> scopes) {
        int renewed = 0;
        for (ScopeKey scope : scopes) {
            renewed += dsl.update(SYNC_LEASES).set(SYNC_LEASES.EXPIRESAT, expiry())
                    .where(key(scope)).and(SYNC_LEASES.WORKER.eq(worker)).execute();
        }
        return renewed;
    }

    /** Gives the scope back; nothing happens if another worker has taken it over. */
    public void release(ScopeKey scope) {
        dsl.deleteFrom(SYNC_LEASES).where(key(scope)).and(SYNC_LEASES.WORKER.eq(worker)).execute();
    }

    /**
     * Inside a scope's write transaction, just before it commits: locks the lease row and checks
     * that this worker still holds it, so a worker whose lease was taken over never commits over
     * the new holder's work (the lock makes a takeover wait for this commit).
     */
    void checkHeld(DSLContext tx, ScopeKey scope) {
        String holder = tx.select(SYNC_LEASES.WORKER).from(SYNC_LEASES).where(key(scope)).forUpdate().fetchOne(SYNC_LEASES.WORKER);
        if (!worker.equals(holder)) {
            throw new LeaseLostException(scope, holder);
        }
    }

    private static Condition key(ScopeKey scope) {
        return SYNC_LEASES.PROJECTSID.eq(scope.projectsId()).and(SYNC_LEASES.LOCATIONSID.eq(scope.locationsId()));
    }

    /** The database's now plus the lease's length. */
    private Field<OffsetDateTime> expiry() {
        return DSL.currentOffsetDateTime().plus(DayToSecond.valueOf(ttl));
    }

    /** This worker's lease on a scope expired and another worker took it; the scope's writes were rolled back. */
    public static final class LeaseLostException extends RuntimeException {
        LeaseLostException(ScopeKey scope, String holder) {
            super("the lease on " + scope + " expired and " + (holder == null ? "was released" : "worker " + holder + " took it")
                    + "; this worker's writes to it were rolled back");
        }
    }
}
