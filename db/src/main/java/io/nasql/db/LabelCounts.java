package io.nasql.db;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * What one transaction changes in a scope's rows of {@code nas_job_label_counts} (V12): per label set,
 * the jobs, those running and failed, and the sums the labels report adds up their running time from.
 * Like {@link JobCounts}, built from the rows the transaction inserted and the rows its DELETE returned,
 * and applied once, in key order, just before it commits. A label set is matched as the database
 * compares it (H2: its stored JSON text; PostgreSQL: JSONB equality), the way V12 grouped the jobs.
 */
final class LabelCounts {
    private static final CountUpserts UPSERT = new CountUpserts("nas_job_label_counts",
            List.of(new CountUpserts.Column("projectsId", "VARCHAR(128)"), new CountUpserts.Column("locationsId", "VARCHAR(64)"),
                    new CountUpserts.Column("labels", "FORMAT JSON AS JSON", "AS JSONB")),
            List.of(new CountUpserts.Column("jobs", "BIGINT"), new CountUpserts.Column("runningJobs", "BIGINT"),
                    new CountUpserts.Column("failedJobs", "BIGINT"), new CountUpserts.Column("openJobs", "BIGINT"),
                    new CountUpserts.Column("openStartSeconds", "NUMERIC(38, 9)"), new CountUpserts.Column("endedSeconds", "NUMERIC(38, 9)")),
            // V12's unique index: PostgreSQL's btree holds about 2.7 KB, less than 64 long labels, so it keys their md5.
            "\"projectsId\", \"locationsId\", md5(\"labels\"::text)");

    private static final String NO_LABELS = "{}";

    /** The change to one row. */
    private static final class Change {
        long jobs;
        long running;
        long failed;
        long open;
        BigDecimal openStartSeconds = BigDecimal.ZERO;
        BigDecimal endedSeconds = BigDecimal.ZERO;

        boolean isNone() {
            return jobs == 0 && running == 0 && failed == 0 && open == 0 && openStartSeconds.signum() == 0 && endedSeconds.signum() == 0;
        }
    }

    /** By the label set's JSON text. */
    private final Map<String, Change> changes = new TreeMap<>();
    private final Backend backend;

    LabelCounts(Backend backend) {
        this.backend = backend;
    }

    /** A job the transaction inserted, with its labels, state and times as stored. */
    void in(JSON labels, String state, OffsetDateTime start, OffsetDateTime end) {
        add(1, labels, state, start, end);
    }

    /**
     * A job the transaction deleted, as its DELETE returned it. On PostgreSQL its labels are put back in the text the
     * store writes, so that a label set has one key whichever way it came (locked in one order, and a job rewritten
     * with the same labels nets out). H2 matches a label set's row by the bytes it stored, so there the text is kept
     * as returned (it is the store's own text, but for the case of hex digits in an escaped control character, which
     * Vertex AI's labels do not allow).
     */
    void out(JSON labels, String state, OffsetDateTime start, OffsetDateTime end) {
        add(-1, labels != null && backend == Backend.POSTGRESQL ? NasJobRecords.labelsAsWritten(labels) : labels, state, start, end);
    }

    private void add(int sign, JSON labels, String state, OffsetDateTime start, OffsetDateTime end) {
        Change change = changes.computeIfAbsent(labels == null ? NO_LABELS : labels.data(), k -> new Change());
        change.jobs += sign;
        if ("JOB_STATE_RUNNING".equals(state)) {
            change.running += sign;
        } else if ("JOB_STATE_FAILED".equals(state)) {
            change.failed += sign;
        }
        if (start == null) {
            return;
        }
        if (end == null) {
            change.open += sign;
            change.openStartSeconds = change.openStartSeconds.add(seconds(start, sign));
        } else {
            change.endedSeconds = change.endedSeconds.add(seconds(end, sign)).subtract(seconds(start, sign));
        }
    }

    /** Epoch seconds to the nanosecond, as H2's and PostgreSQL's EXTRACT(EPOCH FROM ...) give them (V12). */
    private static BigDecimal seconds(OffsetDateTime time, int sign) {
        return BigDecimal.valueOf(time.toEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9)).multiply(BigDecimal.valueOf(sign));
    }

    void apply(DSLContext db, ScopeKey scope) {
        List<CountUpserts.Row> rows = new ArrayList<>();
        boolean fewer = false;
        for (Map.Entry<String, Change> entry : changes.entrySet()) {
            Change change = entry.getValue();
            if (!change.isNone()) {
                fewer |= change.jobs < 0;
                rows.add(upsert -> bind(upsert, scope, entry.getKey(), change));
            }
        }
        UPSERT.apply(db, scope, rows, fewer);
        changes.clear();
    }

    private static void bind(PreparedStatement upsert, ScopeKey scope, String labels, Change change) throws SQLException {
        upsert.setString(1, scope.projectsId());
        upsert.setString(2, scope.locationsId());
        upsert.setString(3, labels);
        upsert.setLong(4, change.jobs);
        upsert.setLong(5, change.running);
        upsert.setLong(6, change.failed);
        upsert.setLong(7, change.open);
        upsert.setBigDecimal(8, change.openStartSeconds);
        upsert.setBigDecimal(9, change.endedSeconds);
    }
}
