package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Connections from H2's pool for a file shared through AUTO_SERVER. A process that reached the file through another
 * one's server keeps its connections in the pool; when that other process exits, they are broken, and H2 says so only
 * when the pool hands one out (CONNECTION_BROKEN). The pool drops that connection, so asking again gives a live one
 * (H2 reconnects to the file's next owner, or opens it itself): a few quick tries, so that a statement or a scope does
 * not fail because another nasql finished.
 */
final class H2Connections implements ConnectionProvider {
    private static final int ATTEMPTS = 20;

    private final JdbcConnectionPool pool;

    H2Connections(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** A live connection from the pool; a broken one it held is dropped and another asked for. */
    static Connection get(JdbcConnectionPool pool) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1 || attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    // The next owner starts its server within milliseconds; 20 tries wait about 2 s in all.
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public Connection acquire() {
        try {
            return get(pool);
        } catch (SQLException e) {
            throw new DataAccessException("Error getting connection from data source " + pool, e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Error closing connection " + connection, e);
        }
    }
}
