package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Forgets the failed history row of a migration whose every statement can run again, so that the
 * next open runs it again whole. H2 commits each statement of a migration: a run cut short (Ctrl-C
 * during V10's count of 500,000 jobs, a full disk) would otherwise leave an inventory that Flyway
 * refuses to open ("Detected failed migration"). V2, which cannot simply run again, has FailedNarrowRows.
 */
final class FailedMigrations {
    /** Versions whose statements are all safe to run twice (IF NOT EXISTS, a DELETE before a fill). */
    static final Set<String> RERUNNABLE = Set.of("10", "11", "12");

    private FailedMigrations() {
    }

    static void forget(Connection connection, String historySchema) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM \"" + historySchema + "\".\"flyway_schema_history\" WHERE NOT \"success\" AND \"version\" IN ('"
                    + String.join("', '", RERUNNABLE) + "')");
        }
    }
}
