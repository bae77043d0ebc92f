package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOB_COUNTS;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * How one write moves a scope's jobs between states, applied to {@code nas_job_counts} in the
 * write's transaction. Deltas, not a recount, so that two transactions on one scope (a write from
 * the shell during a sync) each add their own change under the row's lock.
 */
final class JobCounts {
    private final Map<String, Long> delta = new HashMap<>();

    /** A job went from {@code from} to {@code to}; null for a job that was not there, or is no more. */
    void moved(String from, String to) {
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            delta.merge(from, -1L, Long::sum);
        }
        if (to != null) {
            delta.merge(to, 1L, Long::sum);
        }
    }

    void apply(DSLContext db, ScopeKey scope) {
        boolean fewer = false;
        for (Map.Entry<String, Long> change : delta.entrySet()) {
            long by = change.getValue();
            if (by == 0) {
                continue;
            }
            fewer |= by < 0;
            db.insertInto(NAS_JOB_COUNTS)
                    .set(NAS_JOB_COUNTS.PROJECTSID, scope.projectsId())
                    .set(NAS_JOB_COUNTS.LOCATIONSID, scope.locationsId())
                    .set(NAS_JOB_COUNTS.STATE, change.getKey())
                    .set(NAS_JOB_COUNTS.JOBS, by)
                    .onConflict(NAS_JOB_COUNTS.PROJECTSID, NAS_JOB_COUNTS.LOCATIONSID, NAS_JOB_COUNTS.STATE)
                    .doUpdate()
                    .set(NAS_JOB_COUNTS.JOBS, NAS_JOB_COUNTS.JOBS.plus(by))
                    .execute();
        }
        if (fewer) {
            db.deleteFrom(NAS_JOB_COUNTS)
                    .where(NAS_JOB_COUNTS.PROJECTSID.eq(scope.projectsId()))
                    .and(NAS_JOB_COUNTS.LOCATIONSID.eq(scope.locationsId()))
                    .and(NAS_JOB_COUNTS.JOBS.le(0L))
                    .execute();
        }
        delta.clear();
    }
}
