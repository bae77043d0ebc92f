package io.nasql.shell.serve;

import io.nasql.db.H2Login;
import io.nasql.db.JsonPath;
import io.nasql.db.PostgresIdentifiers;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * The inventory on the PostgreSQL wire, read-only. H2's PG server is not pointed at the inventory:
 * it serves a private in-memory database {@code google} whose schema {@code aiplatform} holds a
 * READONLY linked table for each inventory table. That database belongs to an owner whose secret
 * password never leaves this process; clients log in as {@value #USER}, a user with no rights but
 * SELECT on {@code aiplatform}. So what keeps the inventory safe is H2's own rights check, not
 * the front's text filter: a non-administrator can write no table, create nothing, read or write
 * no file, load no code and see no linked table's connection settings, whatever SQL it sends and
 * whichever port (the front's or the PG server's own loopback one) it sends it to. H2's PG server
 * runs administrator-only SET commands at log-in; IGNORE_UNKNOWN_SETTINGS lets the session open
 * without them, as the owner set those database-wide when it created the database. H2's PG server
 * names result columns in lower case; the front gives the inventory's columns their camelCase
 * names back.
 */
public final class ReadOnlyEndpoint implements AutoCloseable {
    public static final String USER = "nasql";
    private static final String OWNER = "nasql_owner";

    private final Connection keeper;
    private final Server pgServer;
    private final PgWireFront front;
    private final String password;

    private ReadOnlyEndpoint(Connection keeper, Server pgServer, PgWireFront front, String password) {
        this.keeper = keeper;
        this.pgServer = pgServer;
        this.front = front;
        this.password = password;
    }

    /**
     * Serves the H2 inventory at {@code inventoryUrl} on {@code address:port} (0 picks a port).
     * The inventory must already be migrated; {@code password} is the one clients must give.
     */
    public static ReadOnlyEndpoint start(H2Login inventory, InetAddress address, int port, String password)
            throws SQLException, IOException {
        String database = "mem:nasql-serve-" + UUID.randomUUID() + "/google";
        // The owner's connection creates the in-memory database with the settings H2's PG server wants, and keeps it alive.
        Connection keeper = DriverManager.getConnection("jdbc:h2:" + database + ";DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH", OWNER, GeneratedPassword.of(32));
        Server pg = null;
        try {
            link(keeper, inventory);
            grantReading(keeper, password);
            pg = Server.createPgServer("-pgPort", "0", "-key", "google", database + ";IGNORE_UNKNOWN_SETTINGS=TRUE").start();
            PgWireFront front = new PgWireFront(address, port, pg.getPort(), PostgresIdentifiers::columnName);
            return new ReadOnlyEndpoint(keeper, pg, front, password);
        } catch (SQLException | IOException | RuntimeException e) {
            if (pg != null) {
                pg.stop();
            }
            keeper.close();
            throw e;
        }
    }

    private static void link(Connection keeper, H2Login login) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection inventory = DriverManager.getConnection(login.url(), "", login.password());
             ResultSet rs = inventory.getMetaData().getTables(null, "aiplatform", null, new String[] {"TABLE", "BASE TABLE", "VIEW"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE SCHEMA \"aiplatform\"");
            for (String table : tables) {
                s.execute("CREATE LINKED TABLE \"aiplatform\".\"" + table + "\"('org.h2.Driver', '" + quoted(login.url())
                        + "', '', '" + quoted(login.password()) + "', 'aiplatform', '" + table + "') READONLY");
            }
            s.execute("CREATE ALIAS \"json_value\" DETERMINISTIC FOR '" + JsonPath.class.getName() + ".value'");
            s.execute("CREATE ALIAS \"nasql_read_only\" FOR '" + ReadOnlyGuard.class.getName() + ".refuse'");
        }
    }

    /** The clients' user: SELECT on the linked tables, nothing else (functions need no right in H2). */
    private static void grantReading(Connection keeper, String password) throws SQLException {
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE USER \"" + USER + "\" PASSWORD '" + quoted(password) + "'");
            s.execute("GRANT SELECT ON SCHEMA \"aiplatform\" TO \"" + USER + "\"");
        }
    }

    private static String quoted(String text) {
        return text.replace("'", "''");
    }

    public int port() {
        return front.port();
    }

    /** H2's PG server itself, on loopback: the same rights apply there, without the front's names and messages. */
    int backendPort() {
        return front.backendPort();
    }

    /** What to paste into psql: {@code postgresql://USER:PASSWORD@HOST:PORT/google}. */
    public String url(String host) {
        return "postgresql://" + USER + ":" + password + "@" + host + ":" + port() + "/google";
    }

    @Override
    public void close() {
        front.close();
        pgServer.stop();
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // the in-memory database goes with it
        }
    }
}
