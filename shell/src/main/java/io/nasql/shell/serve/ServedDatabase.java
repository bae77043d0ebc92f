package io.nasql.shell.serve;

import io.nasql.db.H2Login;
import io.nasql.db.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The private in-memory database H2's PG server serves: schema {@code aiplatform} holds a READONLY
 * linked table for each inventory table. It belongs to an owner whose password is made here and
 * never leaves the process; the front logs clients in as {@value ReadOnlyEndpoint#USER}, whose only
 * right is SELECT on {@code aiplatform}, with a second secret. H2 shuts a database down when a
 * query runs out of memory, so the endpoint checks {@link #isOpen()} and builds it again.
 */
final class ServedDatabase implements AutoCloseable {
    static final String OWNER = "nasql_owner";
    /** A runaway query is cut off (clients cannot raise their own timeout above it). */
    static final int MAX_QUERY_MILLIS = 10 * 60 * 1000;

    private final Connection owner;

    private ServedDatabase(Connection owner) {
        this.owner = owner;
    }

    /** {@code name} is H2's database name ({@code mem:...}); {@code readerSecret} the reader's password there. */
    static ServedDatabase create(String name, H2Login inventory, String readerSecret) throws SQLException {
        // The owner's connection creates the database with the settings H2's PG server wants, and keeps it alive.
        Connection owner = DriverManager.getConnection("jdbc:h2:" + name + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;MAX_QUERY_TIMEOUT=" + MAX_QUERY_MILLIS, OWNER, GeneratedPassword.of(32));
        try {
            link(owner, inventory);
            grantReading(owner, readerSecret);
            return new ServedDatabase(owner);
        } catch (SQLException | RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    private static void link(Connection owner, H2Login login) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection inventory = DriverManager.getConnection(login.url(), "", login.password());
             ResultSet rs = inventory.getMetaData().getTables(null, "aiplatform", null, new String[] {"TABLE", "BASE TABLE", "VIEW"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE SCHEMA \"aiplatform\"");
            for (String table : tables) {
                s.execute("CREATE LINKED TABLE \"aiplatform\".\"" + table + "\"('org.h2.Driver', '" + quoted(login.url())
                        + "', '', '" + quoted(login.password()) + "', 'aiplatform', '" + table + "') READONLY");
            }
            s.execute("CREATE ALIAS \"json_value\" DETERMINISTIC FOR '" + JsonPath.class.getName() + ".value'");
            s.execute("CREATE ALIAS \"nasql_read_only\" FOR '" + ReadOnlyGuard.class.getName() + ".refuse'");
        }
    }

    /** The clients' user: SELECT on the linked tables, nothing else (calling a function needs no right in H2). */
    private static void grantReading(Connection owner, String secret) throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("CREATE USER \"" + ReadOnlyEndpoint.USER + "\" PASSWORD '" + quoted(secret) + "'");
            s.execute("GRANT SELECT ON SCHEMA \"aiplatform\" TO \"" + ReadOnlyEndpoint.USER + "\"");
        }
    }

    private static String quoted(String text) {
        return text.replace("'", "''");
    }

    boolean isOpen() {
        try {
            return owner.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /** What an out-of-memory query does to it; for tests of the endpoint's recovery. */
    void shutDown() throws SQLException {
        try (Statement s = owner.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (SQLException ignored) {
            // an in-memory database goes with its last connection
        }
    }
}
