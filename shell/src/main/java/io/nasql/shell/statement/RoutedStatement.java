package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement ready to run exactly once: over nas_job_counts when {@link CountRouting} rewrote it,
 * else over nas_job_summaries when {@link SummaryRouting} did, and the rewrite compiles, else as
 * written. Only compiling decides, so an error while running (a division by zero, a cancel) is the
 * statement's own and nothing runs twice.
 */
public final class RoutedStatement implements AutoCloseable {
    private final java.sql.Statement jdbc;
    private final String sql;

    private RoutedStatement(java.sql.Statement jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Compiles the first routed form that compiles; else the statement as written. */
    public static RoutedStatement prepare(Connection connection, String sql, Backend dialect) throws SQLException {
        RoutedStatement counted = compiled(connection, sql, CountRouting.route(sql, dialect));
        if (counted != null) {
            return counted;
        }
        RoutedStatement summarized = compiled(connection, sql, SummaryRouting.route(sql, dialect));
        return summarized != null ? summarized : new RoutedStatement(connection.createStatement(), sql);
    }

    /** The routed form compiled, or null when there is none or it does not compile where the statement as written may. */
    private static RoutedStatement compiled(Connection connection, String sql, String routed) {
        if (routed.equals(sql)) {
            return null;
        }
        try {
            return new RoutedStatement(connection.prepareStatement(routed), null);
        } catch (SQLException e) {
            return null;
        }
    }

    /** The JDBC statement, for its results and to cancel it. */
    public java.sql.Statement jdbc() {
        return jdbc;
    }

    /** Runs it once; true when the first result is a result set. */
    public boolean execute() throws SQLException {
        return sql == null ? ((PreparedStatement) jdbc).execute() : jdbc.execute(sql);
    }

    /** Runs it once as a query: fails, as JDBC does, on a statement that returns no rows. */
    public java.sql.ResultSet executeQuery() throws SQLException {
        return sql == null ? ((PreparedStatement) jdbc).executeQuery() : jdbc.executeQuery(sql);
    }

    @Override
    public void close() throws SQLException {
        jdbc.close();
    }
}
