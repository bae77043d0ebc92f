package io.nasql.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The inventory's schema history: Flyway's, in schema {@code nasql}, from the shared migrations and
 * the backend's own folder ({@code db/migration/common}, then {@code db/migration/h2} or
 * {@code db/migration/postgresql}).
 */
final class Migrations {
    static final String HISTORY_SCHEMA = "nasql";

    private Migrations() {
    }

    /** The version recorded by Flyway, or 0 for an empty database; one cheap query. */
    static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = '" + HISTORY_SCHEMA + "' AND TABLE_NAME = 'flyway_schema_history'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \""
                     + HISTORY_SCHEMA + "\".\"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void migrate(Backend backend, DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(HISTORY_SCHEMA)
                .defaultSchema(HISTORY_SCHEMA)
                .locations(backend.migrationLocations())
                .load()
                .migrate();
    }
}
