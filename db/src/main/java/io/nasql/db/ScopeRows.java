package io.nasql.db;

import static io.nasql.db.generated.Tables.SYNC_SCOPES;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

/**
 * The two statements every scope of a sync runs, even an unchanged one: what it knows of its jobs,
 * and its {@code sync_scopes} row. Both are fixed SQL bound through JDBC: jOOQ's building and
 * rendering of them was most of an unchanged re-sync's per-scope CPU (issue 15).
 */
final class ScopeRows {
    /** Standard MERGE (H2): a failure keeps the scope's last success and job count. */
    private static final String MARK = """
            MERGE INTO "aiplatform"."sync_scopes" t
            USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP(9) WITH TIME ZONE),
                           CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(4096)), CAST(? AS TIMESTAMP(9) WITH TIME ZONE), CAST(? AS INTEGER)))
                AS s("projectsId", "locationsId", "lastAttemptAt", "status", "errorMessage", "lastSuccessAt", "jobCount")
            ON t."projectsId" = s."projectsId" AND t."locationsId" = s."locationsId"
            WHEN MATCHED THEN UPDATE SET "lastAttemptAt" = s."lastAttemptAt", "status" = s."status",
                "errorMessage" = s."errorMessage", "lastSuccessAt" = COALESCE(s."lastSuccessAt", t."lastSuccessAt"),
                "jobCount" = COALESCE(s."jobCount", t."jobCount")
            WHEN NOT MATCHED THEN INSERT ("projectsId", "locationsId", "lastAttemptAt", "status", "errorMessage", "lastSuccessAt", "jobCount")
                VALUES (s."projectsId", s."locationsId", s."lastAttemptAt", s."status", s."errorMessage", s."lastSuccessAt", s."jobCount")
            """;

    /** The same upsert on PostgreSQL, whose MERGE only came with version 15. */
    private static final String MARK_POSTGRES = """
            INSERT INTO "aiplatform"."sync_scopes" AS t
                ("projectsId", "locationsId", "lastAttemptAt", "status", "errorMessage", "lastSuccessAt", "jobCount")
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT ("projectsId", "locationsId") DO UPDATE SET "lastAttemptAt" = EXCLUDED."lastAttemptAt",
                "status" = EXCLUDED."status", "errorMessage" = EXCLUDED."errorMessage",
                "lastSuccessAt" = COALESCE(EXCLUDED."lastSuccessAt", t."lastSuccessAt"),
                "jobCount" = COALESCE(EXCLUDED."jobCount", t."jobCount")
            """;

    /** One read of a scope's jobs serves both questions a sync asks before listing (it was two, one over the nas_jobs view). */
    private static final String KNOWN = """
            SELECT "nasJobsId", "updateTime", "state", "syncedAt" FROM "aiplatform"."nas_job_summaries"
            WHERE "projectsId" = ? AND "locationsId" = ?""";
    private static final String RUNNING = "JOB_STATE_RUNNING";

    private ScopeRows() {
    }

    /** The scope's jobs' update times, and its RUNNING jobs last read before {@code readBefore} (none when null). */
    static KnownJobs known(DSLContext db, ScopeKey scope, OffsetDateTime readBefore) {
        return db.connectionResult(connection -> {
            Map<String, OffsetDateTime> times = new HashMap<>();
            Set<String> due = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(KNOWN)) {
                statement.setString(1, scope.projectsId());
                statement.setString(2, scope.locationsId());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        times.put(id, rs.getObject(2, OffsetDateTime.class));
                        if (readBefore != null && RUNNING.equals(rs.getString(3)) && rs.getObject(4, OffsetDateTime.class).isBefore(readBefore)) {
                            due.add(id);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("cannot read the jobs of " + scope + ": " + e.getMessage(), e);
            }
            return new KnownJobs(times, due);
        });
    }

    /** A message cut to fit {@code sync_scopes.errorMessage}, marked where it was cut, so that recording it cannot fail. */
    static String fitted(String message) {
        int max = SYNC_SCOPES.ERRORMESSAGE.getDataType().length();
        if (message == null || message.length() <= max) {
            return message;
        }
        String cut = " ... (" + message.length() + " characters, cut)";
        return message.substring(0, max - cut.length()) + cut;
    }

    /** Upserts the scope's row; {@code jobCount} and the last success only when it is OK. */
    static void mark(DSLContext db, ScopeKey scope, ScopeStatus status, String message, OffsetDateTime at, Integer jobCount) {
        boolean postgres = db.dialect().family() == SQLDialect.POSTGRES;
        db.connection(connection -> mark(connection, postgres, scope, status, message, at, jobCount));
    }

    static void mark(Connection connection, boolean postgres, ScopeKey scope, ScopeStatus status, String message, OffsetDateTime at,
                     Integer jobCount) {
        try (PreparedStatement statement = connection.prepareStatement(postgres ? MARK_POSTGRES : MARK)) {
            boolean ok = status == ScopeStatus.OK;
            statement.setString(1, scope.projectsId());
            statement.setString(2, scope.locationsId());
            statement.setObject(3, at);
            statement.setString(4, status.name());
            statement.setString(5, message);
            statement.setObject(6, ok ? at : null, Types.TIMESTAMP_WITH_TIMEZONE);
            statement.setObject(7, ok ? jobCount : null, Types.INTEGER);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("cannot record scope " + scope + ": " + e.getMessage(), e);
        }
    }
}
