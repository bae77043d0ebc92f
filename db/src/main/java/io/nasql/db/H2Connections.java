package io.nasql.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * H2's pool for a file shared through AUTO_SERVER, as a DataSource for all who take connections from it (jOOQ, Flyway,
 * the user's statements). A process that reached the file through another one's server keeps its connections in the
 * pool; when that other process exits, they are broken, and H2 says so only when the pool hands one out
 * (CONNECTION_BROKEN). The pool drops that connection, so asking again gives a live one (H2 reconnects to the file's
 * next owner, or opens it itself): a few quick tries, so that a statement or a scope does not fail because another
 * nasql finished.
 */
final class H2Connections implements DataSource {
    private static final int ATTEMPTS = 20;
    /** However many tries are left: a statement waits for another process's exit no longer than this. */
    private static final long BUDGET_NANOS = 3_000_000_000L;

    private final JdbcConnectionPool pool;

    H2Connections(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** A live connection from the pool; a broken one it held is dropped and another asked for. */
    @Override
    public Connection getConnection() throws SQLException {
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
    public Connection getConnection(String user, String password) throws SQLException {
        return pool.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
