package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A statement ready to run exactly once: over nas_job_counts when {@link CountRouting} rewrote it,
 * else over nas_job_summaries when {@link SummaryRouting} did, and the rewrite compiles, else as
 * written. Only compiling decides, so an error while running (a division by zero, a cancel) is the
 * statement's own and nothing runs twice. PostgreSQL's driver compiles only when a statement runs,
 * so there a rewrite is also used only when the role may read the tables it adds: a role granted
 * the jobs' view or tables one by one may lack the count tables a later migration made.
 */
public final class RoutedStatement implements AutoCloseable {
    private final java.sql.Statement jdbc;
    private final String sql;

    private RoutedStatement(java.sql.Statement jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Tables a rewrite may read instead of the resource. */
    private static final List<String> ROUTED_TABLES = List.of(CountRouting.COUNTS, CountRouting.LABEL_COUNTS, "nas_job_summaries");

    /** Compiles the first routed form that compiles; else the statement as written. */
    public static RoutedStatement prepare(Connection connection, String sql, Backend dialect) throws SQLException {
        RoutedStatement counted = compiled(connection, sql, CountRouting.route(sql, dialect), dialect);
        if (counted != null) {
            return counted;
        }
        RoutedStatement summarized = compiled(connection, sql, SummaryRouting.route(sql, dialect), dialect);
        return summarized != null ? summarized : new RoutedStatement(connection.createStatement(), sql);
    }

    /** The routed form compiled, or null when there is none or it does not compile where the statement as written may. */
    private static RoutedStatement compiled(Connection connection, String sql, String routed, Backend dialect) {
        if (routed.equals(sql)) {
            return null;
        }
        try {
            if (dialect == Backend.POSTGRESQL && !mayRead(connection, sql, routed)) {
                return null;
            }
            return new RoutedStatement(connection.prepareStatement(routed), null);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether the role may read every table the rewrite names that the statement as written does not. */
    private static boolean mayRead(Connection connection, String sql, String routed) throws SQLException {
        List<String> added = ROUTED_TABLES.stream().filter(t -> routed.contains(t) && !sql.contains(t)).toList();
        if (added.isEmpty()) {
            return true;
        }
        StringBuilder query = new StringBuilder("SELECT true");
        added.forEach(t -> query.append(" AND has_table_privilege('\"aiplatform\".\"").append(t).append("\"', 'SELECT')"));
        try (java.sql.Statement check = connection.createStatement(); ResultSet rs = check.executeQuery(query.toString())) {
            return rs.next() && rs.getBoolean(1);
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
