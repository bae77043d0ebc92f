package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.db.BackslashStrings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement ready to run exactly once: over nas_job_counts when {@link CountRouting} rewrote it,
 * else over nas_job_summaries when {@link SummaryRouting} did, and the rewrite compiles, else as
 * written. Only compiling decides, so an error while running (a division by zero, a cancel) is the
 * statement's own and nothing runs twice. PostgreSQL's driver compiles only when a statement runs,
 * so there a rewrite is also used only when the role may read the tables it reads (asked once per
 * connection): a role granted the jobs' view or tables one by one may lack the count tables a later
 * migration made, or the summaries.
 */
public final class RoutedStatement implements AutoCloseable {
    private final java.sql.Statement jdbc;
    private final String sql;

    private RoutedStatement(java.sql.Statement jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Tables a rewrite may read instead of the resource. */
    private static final List<String> ROUTED_TABLES = List.of(CountRouting.COUNTS, CountRouting.LABEL_COUNTS, SummaryRouting.SUMMARIES);

    /**
     * Compiles the first routed form that compiles; else the statement as written. On PostgreSQL with
     * standard_conforming_strings off a backslash escapes a quote in every string, which the routers do not read
     * so: there a statement runs as written (a rewrite could have renamed a table inside a string).
     */
    public static RoutedStatement prepare(Connection connection, String sql, Backend dialect) throws SQLException {
        if (dialect == Backend.POSTGRESQL && BackslashStrings.in(connection)) {
            return new RoutedStatement(connection.createStatement(), sql);
        }
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
            if (dialect == Backend.POSTGRESQL && !mayRead(connection, routed)) {
                return null;
            }
            return new RoutedStatement(connection.prepareStatement(routed), null);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Per connection, whether its role may read a set of tables; asked once, as a statement to a remote server costs a round trip. */
    private static final Map<Connection, Map<List<String>, Boolean>> READABLE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Whether the role may read every inventory table the rewrite names (a name in a comment or literal too: that can
     * only keep a statement as written). Looked up by oid, which cannot fail, so a role without the schema gets false,
     * not an error that would end the transaction the statement runs in.
     */
    private static boolean mayRead(Connection connection, String routed) throws SQLException {
        List<String> named = ROUTED_TABLES.stream().filter(routed::contains).toList();
        if (named.isEmpty()) {
            return true;
        }
        Map<List<String>, Boolean> known = READABLE.computeIfAbsent(connection, c -> new ConcurrentHashMap<>());
        Boolean readable = known.get(named);
        if (readable == null) {
            String names = String.join(", ", named.stream().map(t -> "'" + t + "'").toList());
            try (java.sql.Statement check = connection.createStatement();
                 ResultSet rs = check.executeQuery("SELECT COUNT(*) = " + named.size() + " AND bool_and(has_table_privilege(c.oid, 'SELECT')"
                         + " AND has_schema_privilege(n.oid, 'USAGE')) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                         + " ON n.oid = c.relnamespace WHERE n.nspname = 'aiplatform' AND c.relname IN (" + names + ")")) {
                readable = rs.next() && rs.getBoolean(1);
            }
            known.put(named, readable);
        }
        return readable;
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
