package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;

/**
 * Whether a connection's PostgreSQL session has standard_conforming_strings off, so that a backslash escapes the
 * next character in every '...' string, not only in E'...'. The driver keeps the server's setting as the server
 * reports it, so asking costs no round trip and a SET (or its rollback) is seen at once.
 */
public final class BackslashStrings {
    private BackslashStrings() {
    }

    /** True only for a PostgreSQL session with standard_conforming_strings off; false for H2 and on any doubt. */
    public static boolean in(Connection connection) {
        try {
            return connection.isWrapperFor(BaseConnection.class) && !connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        } catch (SQLException e) {
            return false;
        }
    }
}
