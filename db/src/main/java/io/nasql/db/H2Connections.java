package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import javax.sql.DataSource;
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
    /** The same, as a DataSource, for Flyway: migrations take their connections from the pool too. */
    static DataSource dataSource(JdbcConnectionPool pool) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                return get(pool);
            }
        };
    }

    private static final int ATTEMPTS = 20;
    /** However many tries are left: a statement waits for another process's exit no longer than this. */
    private static final long BUDGET_NANOS = 3_000_000_000L;

    private final JdbcConnectionPool pool;

    H2Connections(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** A live connection from the pool; a broken one it held is dropped and another asked for. */
    static Connection get(JdbcConnectionPool pool) throws SQLException {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (!cutOff(e) || attempt == ATTEMPTS || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    // The next owner starts its server within milliseconds; 20 tries wait about 2 s in all (3 s at most).
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A connection that was cut off (H2's CONNECTION_BROKEN with an end of stream or a reset socket), as when the
     * process that served the file exits; not one refused (no server there at all), where H2 already waited its
     * second and trying again would only make a dead server slower to report.
     */
    private static boolean cutOff(SQLException e) {
        if (e.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1) {
            return false;
        }
        boolean cut = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || String.valueOf(t.getMessage()).contains("ConnectException")) {
                return false;
            }
            cut |= t instanceof java.io.EOFException || t instanceof java.net.SocketException
                    || String.valueOf(t.getMessage()).contains("EOFException") || String.valueOf(t.getMessage()).contains("SocketException");
        }
        return cut;
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
