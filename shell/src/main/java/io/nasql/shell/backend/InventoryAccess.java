package io.nasql.shell.backend;

import io.nasql.db.Backend;
import io.nasql.db.BackslashStrings;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryException;
import io.nasql.db.InventoryStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The inventory and the one connection the user's SQL runs on, so session state (views,
 * variables) persists. Opened on first use, so a statement that needs neither pays for neither.
 */
public final class InventoryAccess implements AutoCloseable {
    private final String dbUrl;
    private final Path folder;
    private final String dbPassword;
    /** How long a check that the server still holds the connection may take. */
    private static final int VALID_SECONDS = 2;
    /** How often at most a connection that has not failed is checked: each check is a round trip. */
    private static final long CHECK_EVERY_NANOS = 5_000_000_000L;
    public static final String REOPENED = "the inventory connection was reopened: session settings and temporary objects were reset";

    private Inventory inventory;
    private Connection connection;
    private boolean userTransaction;
    private long checkedAt;
    private Runnable onReopen = () -> { };

    /** The inventory at {@code dbUrl}, or in {@code folder} when the URL is null. */
    public InventoryAccess(String dbUrl, Path folder) {
        this(dbUrl, folder, null);
    }

    /** As above; {@code dbPassword} is a PostgreSQL inventory's password from the settings file, or null. */
    public InventoryAccess(String dbUrl, Path folder, String dbPassword) {
        this.dbUrl = dbUrl;
        this.folder = folder;
        this.dbPassword = dbPassword;
    }

    public synchronized Inventory inventory() {
        if (inventory == null) {
            inventory = dbUrl != null ? Inventory.open(dbUrl, dbPassword, System.getenv()) : Inventory.openFolder(folder);
        }
        return inventory;
    }

    /** H2 or PostgreSQL, told by the URL without opening the inventory: how its SQL is lexed. An unsupported URL fails on opening. */
    public Backend backend() {
        try {
            return Backend.ofInventory(dbUrl);
        } catch (RuntimeException e) {
            return Backend.H2;
        }
    }

    public InventoryStore store() {
        return new InventoryStore(inventory());
    }

    /**
     * The user's connection. Its queries run lazily, so the first rows of a big result arrive before
     * the last is read. One the server closed (a restart, a timeout such as PostgreSQL's
     * idle_in_transaction_session_timeout while a pager holds a streamed read) is replaced by a new
     * one; but when the user had a transaction open on it, this statement fails saying the transaction
     * was lost, rather than run outside it, and the next one gets the new connection.
     */
    public synchronized Connection connection() throws SQLException {
        if (connection != null && (connection.isClosed() || System.nanoTime() - checkedAt > CHECK_EVERY_NANOS && !valid())) {
            replaceDead();
        }
        if (connection == null) {
            boolean reopened = checkedAt != 0;
            connection = inventory().connection();
            checkedAt = System.nanoTime();
            if (reopened) {
                onReopen.run();
            }
            if (inventory().backend() == Backend.H2) {
                try (var lazy = connection.createStatement()) {
                    lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
        }
        return connection;
    }

    /** Told (once per new connection, not the first) that the connection was replaced and its session state with it. */
    public synchronized void onReopen(Runnable notice) {
        this.onReopen = notice;
    }

    /**
     * After a statement failed: when the server closed the connection meanwhile, it is dropped, so the
     * next statement gets a new one; a transaction the user had open on it is said to be lost.
     */
    public synchronized void afterFailure() {
        try {
            if (connection != null && (connection.isClosed() || !valid())) {
                replaceDead();
            }
        } catch (SQLException e) {
            // isClosed does not fail on a real driver; nothing more to learn here
        }
    }

    /** True on PostgreSQL with standard_conforming_strings off (pgjdbc follows the server's setting): backslashes escape in '...'. */
    public synchronized boolean backslashStrings() throws SQLException {
        if (backend() != Backend.POSTGRESQL) {
            return false;
        }
        return BackslashStrings.in(connection());
    }

    private boolean valid() throws SQLException {
        boolean valid = connection.isValid(VALID_SECONDS);
        checkedAt = System.nanoTime();
        return valid;
    }

    private void replaceDead() {
        boolean lost = userTransaction;
        discard();
        if (lost) {
            throw new InventoryException("the database closed the connection, and the transaction open on it was lost"
                    + " (its changes are rolled back); the next statement runs on a new connection");
        }
    }

    /** After a statement: notes whether the user left a transaction open (BEGIN), to tell it was lost if the server closes the connection. */
    public synchronized void afterStatement() {
        try {
            if (connection != null && !connection.isClosed()) {
                userTransaction = !connection.getAutoCommit() || connection.isWrapperFor(BaseConnection.class)
                        && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
            }
        } catch (SQLException e) {
            // the connection failed: what was known before stays
        }
    }

    private void discard() {
        try {
            connection.close();
        } catch (SQLException e) {
            // already closed by the server
        }
        connection = null;
        userTransaction = false;
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing: nothing left to do with it
        }
        if (inventory != null) {
            inventory.close();
        }
    }
}
