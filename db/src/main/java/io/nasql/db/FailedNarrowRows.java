package io.nasql.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Undoes a failed run of V2 (narrow rows) so the next open runs it again. H2 commits each statement
 * of a migration, so a run that failed (a bad value, a full disk, Ctrl-C) leaves the new tables half
 * made and Flyway refuses every later open. While the old nas_jobs table still exists (V2 drops it
 * last) every job is still there: drop what V2 made and its failed history row.
 */
final class FailedNarrowRows {
    private FailedNarrowRows() {
    }

    /** True when it undid a failed V2 run; a failure it cannot undo is left for Flyway to report. */
    static boolean undo(Connection connection, String historySchema) throws SQLException {
        if (!failed(connection, historySchema) || !oldTableExists(connection)) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"aiplatform\".\"nas_job_documents\"");
            // CASCADE: a run that got as far as pointing the trials at the summaries loses that constraint; V2 adds it again.
            s.execute("DROP TABLE IF EXISTS \"aiplatform\".\"nas_job_summaries\" CASCADE");
            s.execute("DELETE FROM \"" + historySchema + "\".\"flyway_schema_history\" WHERE \"version\" = '2' AND NOT \"success\"");
        }
        return true;
    }

    private static boolean failed(Connection connection, String historySchema) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + historySchema + "\".\"flyway_schema_history\""
                     + " WHERE \"version\" = '2' AND NOT \"success\"")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static boolean oldTableExists(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'aiplatform'"
                     + " AND TABLE_NAME = 'nas_jobs' AND TABLE_TYPE = 'BASE TABLE'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
