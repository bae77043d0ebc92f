package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOB_COUNTS;

import io.nasql.db.generated.tables.records.NasJobSummariesRecord;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * How one transaction moves a scope's jobs between states, applied to {@code nas_job_counts} once,
 * just before it commits. Deltas of the rows the transaction itself deleted and inserted (a deleted
 * row's state is what the DELETE returned, not what was read before), so two transactions on one
 * scope (a write from the shell during a sync) each add exactly their own change; applied last and
 * in key order, so a count row is locked only for the commit and two writers cannot deadlock on them.
 */
final class JobCounts {
    private final Map<String, Long> delta = new TreeMap<>();
    private final LabelCounts labelCounts = new LabelCounts();

    /** A job the transaction inserted, as stored. */
    void in(NasJobSummariesRecord row) {
        delta.merge(row.getState(), 1L, Long::sum);
        labelCounts.add(1, row.getLabels(), row.getState(), row.getStarttime(), row.getEndtime());
    }

    /** A job the transaction deleted, as its DELETE returned it. */
    void out(String state, JSON labels, OffsetDateTime start, OffsetDateTime end) {
        delta.merge(state, -1L, Long::sum);
        labelCounts.add(-1, labels, state, start, end);
    }

    /** Applies the scope's counts, then the label sets' (every transaction locks them in that order). */
    void apply(DSLContext db, ScopeKey scope) {
        boolean fewer = false;
        for (Map.Entry<String, Long> change : delta.entrySet()) {
            long by = change.getValue();
            if (by == 0) {
                continue;
            }
            fewer |= by < 0;
            for (int attempt = 1; ; attempt++) {
                try {
                    add(db, scope, change.getKey(), by);
                    break;
                } catch (IntegrityConstraintViolationException e) {
                    // H2 runs the upsert as a MERGE: when another transaction added the scope's first job in this
                    // state after this one looked, the insert branch meets its row, now committed; look again. (On
                    // PostgreSQL ON CONFLICT cannot meet it, and a failed statement ends the transaction anyway.)
                    if (attempt == 3 || db.dialect().family() != SQLDialect.H2) {
                        throw e;
                    }
                }
            }
        }
        if (fewer) {
            db.deleteFrom(NAS_JOB_COUNTS)
                    .where(NAS_JOB_COUNTS.PROJECTSID.eq(scope.projectsId()))
                    .and(NAS_JOB_COUNTS.LOCATIONSID.eq(scope.locationsId()))
                    .and(NAS_JOB_COUNTS.JOBS.le(0L))
                    .execute();
        }
        delta.clear();
        labelCounts.apply(db);
    }

    private static void add(DSLContext db, ScopeKey scope, String state, long by) {
        db.insertInto(NAS_JOB_COUNTS)
                .set(NAS_JOB_COUNTS.PROJECTSID, scope.projectsId())
                .set(NAS_JOB_COUNTS.LOCATIONSID, scope.locationsId())
                .set(NAS_JOB_COUNTS.STATE, state)
                .set(NAS_JOB_COUNTS.JOBS, by)
                .onConflict(NAS_JOB_COUNTS.PROJECTSID, NAS_JOB_COUNTS.LOCATIONSID, NAS_JOB_COUNTS.STATE)
                .doUpdate()
                .set(NAS_JOB_COUNTS.JOBS, NAS_JOB_COUNTS.JOBS.plus(by))
                .execute();
    }
}
