package io.nasql.db;

import static io.nasql.db.generated.Tables.SYNC_LEASES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
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
    // A scope's three statements are fixed SQL bound by JDBC: built by jOOQ they were a tenth of an unchanged re-sync's CPU.
    /** One statement: take a scope nobody holds, or whose lease expired, or that this worker holds already. */
    /** The expiry (the lease's length in milliseconds after now) and the expiry test are on the database's clock. */
    private static final String TAKE = """
            MERGE INTO "aiplatform"."sync_leases" t
            USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(256)),
                           DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)))
                AS s("projectsId", "locationsId", "worker", "expiresAt")
            ON t."projectsId" = s."projectsId" AND t."locationsId" = s."locationsId"
            WHEN MATCHED AND (t."worker" = s."worker" OR t."expiresAt" < CURRENT_TIMESTAMP)
                THEN UPDATE SET "worker" = s."worker", "expiresAt" = s."expiresAt"
            WHEN NOT MATCHED THEN INSERT ("projectsId", "locationsId", "worker", "expiresAt")
                VALUES (s."projectsId", s."locationsId", s."worker", s."expiresAt")
            """;
    /** The same on PostgreSQL, whose MERGE only came with version 15; the update's WHERE leaves a held row alone. */
    private static final String TAKE_POSTGRES = """
            INSERT INTO "aiplatform"."sync_leases" AS t ("projectsId", "locationsId", "worker", "expiresAt")
            VALUES (?, ?, ?, CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '1 millisecond')
            ON CONFLICT ("projectsId", "locationsId") DO UPDATE SET "worker" = EXCLUDED."worker", "expiresAt" = EXCLUDED."expiresAt"
            WHERE t."worker" = EXCLUDED."worker" OR t."expiresAt" < CURRENT_TIMESTAMP
            """;
    private static final String RELEASE = """
            DELETE FROM "aiplatform"."sync_leases" WHERE "projectsId" = ? AND "locationsId" = ? AND "worker" = ?""";
    private static final String HOLDER = """
            SELECT "worker" FROM "aiplatform"."sync_leases" WHERE "projectsId" = ? AND "locationsId" = ? FOR UPDATE""";
    /**
     * H2 gives up on a row lock after 2 s of wall time; a renewal holding the row through a long GC pause of a
     * small heap on a busy machine made a finished 50-job scope FAILED. PostgreSQL waits without a limit.
     */
    private static final String HOLDER_H2 = HOLDER + " WAIT 30";
    private static final String UNIQUE_VIOLATION = "23505";

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
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    dsl.dialect().family() == SQLDialect.POSTGRES ? TAKE_POSTGRES : TAKE)) {
                statement.setString(1, scope.projectsId());
                statement.setString(2, scope.locationsId());
                statement.setString(3, worker);
                statement.setLong(4, ttl.toMillis());
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Another worker inserted the row first.
                    return false;
                }
                throw new DataAccessException("cannot take the lease on " + scope + ": " + e.getMessage(), e);
            }
        });
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
        release(dsl, scope);
    }

    private void release(DSLContext db, ScopeKey scope) {
        db.connection(connection -> releaseIn(connection, scope));
    }

    /** Inside the scope's last write transaction, after {@link #checkHeld}: the lease goes with that commit. */
    void releaseIn(DSLContext tx, ScopeKey scope) {
        release(tx, scope);
    }

    void releaseIn(Connection tx, ScopeKey scope) {
        try (PreparedStatement statement = tx.prepareStatement(RELEASE)) {
            statement.setString(1, scope.projectsId());
            statement.setString(2, scope.locationsId());
            statement.setString(3, worker);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot give back the lease on " + scope + ": " + e.getMessage(), e);
        }
    }

    /**
     * Inside a scope's write transaction, just before it commits: locks the lease row and checks
     * that this worker still holds it, so a worker whose lease was taken over never commits over
     * the new holder's work (the lock makes a takeover wait for this commit).
     */
    void checkHeld(DSLContext tx, ScopeKey scope) {
        tx.connection(connection -> checkHeld(connection, scope));
    }

    void checkHeld(Connection tx, ScopeKey scope) {
        String holder;
        try (PreparedStatement statement = tx.prepareStatement(dsl.dialect().family() == SQLDialect.H2 ? HOLDER_H2 : HOLDER)) {
            statement.setString(1, scope.projectsId());
            statement.setString(2, scope.locationsId());
            try (ResultSet rs = statement.executeQuery()) {
                holder = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the lease on " + scope + ": " + e.getMessage(), e);
        }
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
