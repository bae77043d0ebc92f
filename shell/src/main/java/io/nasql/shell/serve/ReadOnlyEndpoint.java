package io.nasql.shell.serve;

import io.nasql.db.H2Login;
import io.nasql.db.PostgresIdentifiers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.h2.tools.Server;

/**
 * The inventory on the PostgreSQL wire, read-only: H2's PG server on loopback serves a
 * {@link ServedDatabase} (read-only links to the inventory, owned by a secret owner; clients read
 * as a user with SELECT rights alone), behind a {@link PgWireFront} that logs clients in with the
 * serve password. What keeps the inventory safe is H2's rights check, not the front's text filter:
 * a non-administrator can write no table, create no schema object, read or write no file, load no
 * code and see no linked table's connection settings, whatever SQL it sends. H2's PG server runs
 * administrator-only SET commands at log-in; IGNORE_UNKNOWN_SETTINGS lets the reader's session
 * open without them, as the owner set them database-wide when it created the database.
 */
public final class ReadOnlyEndpoint implements AutoCloseable {
    public static final String USER = "nasql";

    private final String name;
    private final H2Login inventory;
    private final String readerSecret;
    private final Server pgServer;
    private final PgWireFront front;
    private final String password;
    private ServedDatabase database;

    private ReadOnlyEndpoint(String name, H2Login inventory, String readerSecret, ServedDatabase database, Server pgServer,
                             PgWireFront front, String password) {
        this.name = name;
        this.inventory = inventory;
        this.readerSecret = readerSecret;
        this.database = database;
        this.pgServer = pgServer;
        this.front = front;
        this.password = password;
    }

    /**
     * Serves the H2 inventory on {@code address:port} (0 picks a port). The inventory must already
     * be migrated; {@code password} is the one clients must give.
     */
    public static ReadOnlyEndpoint start(H2Login inventory, InetAddress address, int port, String password)
            throws SQLException, IOException {
        return start(inventory, address, port, password, PgWireFront.LOGIN_TIMEOUT);
    }

    static ReadOnlyEndpoint start(H2Login inventory, InetAddress address, int port, String password, Duration loginTimeout)
            throws SQLException, IOException {
        String name = "mem:nasql-serve-" + UUID.randomUUID() + "/google";
        String readerSecret = GeneratedPassword.of(32);
        ServedDatabase database = ServedDatabase.create(name, inventory, readerSecret);
        Server pg = null;
        try {
            pg = Server.createPgServer("-pgPort", "0", "-key", FrontLogin.DATABASE, name + ";IGNORE_UNKNOWN_SETTINGS=TRUE").start();
            PgWireFront front = new PgWireFront(address, port, new FrontLogin(password, readerSecret, pg.getPort(), loginTimeout),
                    loginTimeout, PostgresIdentifiers::columnName);
            return new ReadOnlyEndpoint(name, inventory, readerSecret, database, pg, front, password);
        } catch (SQLException | IOException | RuntimeException e) {
            if (pg != null) {
                pg.stop();
            }
            database.close();
            throw e;
        }
    }

    /**
     * Builds the served database again if it closed: H2 shuts a database down when one query runs
     * out of memory, which would leave every later client unable to log in. True when it did.
     */
    public synchronized boolean reopenIfClosed() throws SQLException {
        if (database.isOpen()) {
            return false;
        }
        database.close();
        database = ServedDatabase.create(name, inventory, readerSecret);
        return true;
    }

    /** The reader's own session on the served database, in this process: H2's rights with no front or filter in between. */
    Connection readerConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:" + name, USER, readerSecret);
    }

    synchronized ServedDatabase database() {
        return database;
    }

    public int port() {
        return front.port();
    }

    /** H2's PG server itself, on loopback, which only the front can log in to. */
    int backendPort() {
        return pgServer.getPort();
    }

    /** What to paste into psql: {@code postgresql://USER:PASSWORD@HOST:PORT/google}. */
    public String url(String host) {
        return url(host, port(), password);
    }

    /** The password percent-encoded, an IPv6 host in brackets, as libpq reads a URL. */
    static String url(String host, int port, String password) {
        String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "postgresql://" + USER + ":" + encoded + "@" + bracketed + ":" + port + "/" + FrontLogin.DATABASE;
    }

    @Override
    public synchronized void close() {
        front.close();
        pgServer.stop();
        database.close();
    }
}
