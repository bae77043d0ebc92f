package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOB_LABEL_COUNTS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * What one transaction changes in {@code nas_job_label_counts} (V12): per label set and state, the
 * jobs and the sums the labels report adds up their running time from. Like {@link JobCounts}, built
 * from the rows the transaction inserted and the rows its DELETE returned, and applied once, in key
 * order, just before it commits. A label set is matched as the database compares it (H2: its stored
 * JSON text; PostgreSQL: JSONB equality), the same way V12 grouped the jobs it counted.
 */
final class LabelCounts {
    private static final JSON NO_LABELS = JSON.json("{}");

    private record Key(String labels, String state) {
    }

    /** The change to one row: jobs, started and not ended jobs, the sum of their starts, the sum of ended jobs' run times. */
    private static final class Change {
        long jobs;
        long openJobs;
        BigDecimal openStartSeconds = BigDecimal.ZERO;
        BigDecimal endedSeconds = BigDecimal.ZERO;

        boolean isNone() {
            return jobs == 0 && openJobs == 0 && openStartSeconds.signum() == 0 && endedSeconds.signum() == 0;
        }
    }

    private final Map<Key, Change> changes =
            new TreeMap<>(Comparator.comparing(Key::labels).thenComparing(Key::state));

    /** A job counted in ({@code sign} 1) or out (-1), with its labels, state and times as stored. */
    void add(int sign, JSON labels, String state, OffsetDateTime start, OffsetDateTime end) {
        String text = labels == null ? NO_LABELS.data() : labels.data();
        Change change = changes.computeIfAbsent(new Key(text, state), k -> new Change());
        change.jobs += sign;
        if (start == null) {
            return;
        }
        if (end == null) {
            change.openJobs += sign;
            change.openStartSeconds = change.openStartSeconds.add(seconds(start, sign));
        } else {
            change.endedSeconds = change.endedSeconds.add(seconds(end, sign)).subtract(seconds(start, sign));
        }
    }

    /** Epoch seconds to the nanosecond, as H2's and PostgreSQL's EXTRACT(EPOCH FROM ...) give them (V12). */
    private static BigDecimal seconds(OffsetDateTime time, int sign) {
        return BigDecimal.valueOf(time.toEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9))
                .multiply(BigDecimal.valueOf(sign));
    }

    void apply(DSLContext db) {
        for (Map.Entry<Key, Change> entry : changes.entrySet()) {
            Change change = entry.getValue();
            if (change.isNone()) {
                continue;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    add(db, entry.getKey(), change);
                    break;
                } catch (IntegrityConstraintViolationException e) {
                    // As in JobCounts: H2's MERGE met a label set's first row that another transaction just committed.
                    if (attempt == 3 || db.dialect().family() != SQLDialect.H2) {
                        throw e;
                    }
                }
            }
            if (change.jobs < 0) {
                db.deleteFrom(NAS_JOB_LABEL_COUNTS)
                        .where(sameLabels(db, entry.getKey().labels()))
                        .and(NAS_JOB_LABEL_COUNTS.STATE.eq(entry.getKey().state()))
                        .and(NAS_JOB_LABEL_COUNTS.JOBS.le(0L))
                        .execute();
            }
        }
        changes.clear();
    }

    /** The row of this label set: on PostgreSQL through V12's index, as JSONB (there is no JSONB = JSON). */
    private static Condition sameLabels(DSLContext db, String labels) {
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            return DSL.condition("md5({0}::text) = md5(CAST({1} AS JSONB)::text)", NAS_JOB_LABEL_COUNTS.LABELS, DSL.val(labels));
        }
        return NAS_JOB_LABEL_COUNTS.LABELS.eq(JSON.json(labels));
    }

    private static void add(DSLContext db, Key key, Change change) {
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            // The unique key is an index on md5(labels::text) (a btree holds about 2.7 KB, less than 64 long labels),
            // which ON CONFLICT can only name as written in V12.
            db.execute("INSERT INTO {0} AS c (\"labels\", \"state\", \"jobs\", \"openJobs\", \"openStartSeconds\", \"endedSeconds\")"
                            + " VALUES (CAST({1} AS JSONB), {2}, {3}, {4}, {5}, {6})"
                            + " ON CONFLICT (md5(\"labels\"::text), \"state\") DO UPDATE SET \"jobs\" = c.\"jobs\" + EXCLUDED.\"jobs\","
                            + " \"openJobs\" = c.\"openJobs\" + EXCLUDED.\"openJobs\","
                            + " \"openStartSeconds\" = c.\"openStartSeconds\" + EXCLUDED.\"openStartSeconds\","
                            + " \"endedSeconds\" = c.\"endedSeconds\" + EXCLUDED.\"endedSeconds\"",
                    NAS_JOB_LABEL_COUNTS, DSL.val(key.labels()), DSL.val(key.state()),
                    DSL.val(change.jobs), DSL.val(change.openJobs),
                    DSL.val(change.openStartSeconds), DSL.val(change.endedSeconds));
            return;
        }
        db.insertInto(NAS_JOB_LABEL_COUNTS)
                .set(NAS_JOB_LABEL_COUNTS.LABELS, JSON.json(key.labels()))
                .set(NAS_JOB_LABEL_COUNTS.STATE, key.state())
                .set(NAS_JOB_LABEL_COUNTS.JOBS, change.jobs)
                .set(NAS_JOB_LABEL_COUNTS.OPENJOBS, change.openJobs)
                .set(NAS_JOB_LABEL_COUNTS.OPENSTARTSECONDS, change.openStartSeconds)
                .set(NAS_JOB_LABEL_COUNTS.ENDEDSECONDS, change.endedSeconds)
                .onConflict(NAS_JOB_LABEL_COUNTS.LABELS, NAS_JOB_LABEL_COUNTS.STATE)
                .doUpdate()
                .set(NAS_JOB_LABEL_COUNTS.JOBS, NAS_JOB_LABEL_COUNTS.JOBS.plus(change.jobs))
                .set(NAS_JOB_LABEL_COUNTS.OPENJOBS, NAS_JOB_LABEL_COUNTS.OPENJOBS.plus(change.openJobs))
                .set(NAS_JOB_LABEL_COUNTS.OPENSTARTSECONDS, NAS_JOB_LABEL_COUNTS.OPENSTARTSECONDS.plus(change.openStartSeconds))
                .set(NAS_JOB_LABEL_COUNTS.ENDEDSECONDS, NAS_JOB_LABEL_COUNTS.ENDEDSECONDS.plus(change.endedSeconds))
                .execute();
    }
}
