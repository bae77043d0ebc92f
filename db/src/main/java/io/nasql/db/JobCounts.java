package io.nasql.db;

import io.nasql.db.generated.tables.records.NasJobSummariesRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * How one transaction moves a scope's jobs between states, applied to {@code nas_job_counts} once,
 * just before it commits. Deltas of the rows the transaction itself deleted and inserted (a deleted
 * row's state is what the DELETE returned, not what was read before), so two transactions on one
 * scope (a write from the shell during a sync) each add exactly their own change; applied last and
 * in key order, so a count row is locked only for the commit and two writers cannot deadlock on them.
 */
final class JobCounts {
    private static final CountUpserts UPSERT = new CountUpserts("nas_job_counts",
            List.of(new CountUpserts.Column("projectsId", "VARCHAR(128)"), new CountUpserts.Column("locationsId", "VARCHAR(64)"),
                    new CountUpserts.Column("state", "VARCHAR(32)")),
            List.of(new CountUpserts.Column("jobs", "BIGINT")), "\"projectsId\", \"locationsId\", \"state\"");

    private final Map<String, Long> delta = new TreeMap<>();
    private final LabelCounts labelCounts;

    JobCounts(Backend backend) {
        this.labelCounts = new LabelCounts(backend);
    }

    /** A job the transaction inserted, as stored. */
    void in(NasJobSummariesRecord row) {
        delta.merge(row.getState(), 1L, Long::sum);
        labelCounts.in(row.getLabels(), row.getState(), row.getStarttime(), row.getEndtime());
    }

    /** A job the transaction deleted, as its DELETE returned it. */
    void out(String state, JSON labels, OffsetDateTime start, OffsetDateTime end) {
        delta.merge(state, -1L, Long::sum);
        labelCounts.out(labels, state, start, end);
    }

    /** Applies the scope's counts, then the label sets' (every transaction locks them in that order). */
    void apply(DSLContext db, ScopeKey scope) {
        List<CountUpserts.Row> rows = new ArrayList<>();
        boolean fewer = false;
        for (Map.Entry<String, Long> change : delta.entrySet()) {
            long by = change.getValue();
            if (by != 0) {
                fewer |= by < 0;
                rows.add(upsert -> {
                    upsert.setString(1, scope.projectsId());
                    upsert.setString(2, scope.locationsId());
                    upsert.setString(3, change.getKey());
                    upsert.setLong(4, by);
                });
            }
        }
        UPSERT.apply(db, scope, rows, fewer);
        delta.clear();
        labelCounts.apply(db, scope);
    }
}
