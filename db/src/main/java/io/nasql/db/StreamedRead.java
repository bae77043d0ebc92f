package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One query whose rows come in batches on PostgreSQL. The PostgreSQL driver reads a whole result
 * into memory unless the query runs inside a transaction with a fetch size, so this runs the query
 * in an ordinary transaction of its own, fetching {@value #FETCH_SIZE} rows at a time: committed by
 * {@link #commit()} once its rows are read, rolled back when closed without it (a failure, Ctrl-C),
 * the connection back in autocommit either way. For one statement that is what autocommit does,
 * so the query runs once, with its side effects (a sequence, a function that writes) once. On H2
 * (whose lazy query execution already streams), or on a connection inside the user's own
 * transaction, it does nothing.
 */
public final class StreamedRead implements AutoCloseable {
    /** Rows per round trip: few enough to keep memory flat, enough that the trips cost little. */
    public static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private boolean committed;

    private StreamedRead(Connection connection) {
        this.connection = connection;
    }

    /** Starts streaming the next query on the connection, when it is a PostgreSQL one in autocommit and outside a transaction. */
    public static StreamedRead begin(Backend backend, Connection connection) throws SQLException {
        if (backend != Backend.POSTGRESQL || !connection.getAutoCommit() || !idle(connection)) {
            return new StreamedRead(null);
        }
        connection.setAutoCommit(false);
        return new StreamedRead(connection);
    }

    private static boolean idle(Connection connection) throws SQLException {
        // A BEGIN the user typed in autocommit leaves a transaction open that this must not end.
        return connection.isWrapperFor(BaseConnection.class)
                && connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    }

    /** True when the query's rows come in batches. */
    public boolean streams() {
        return connection != null;
    }

    /** Sets the statement's fetch size, before it runs. */
    public void prepare(Statement statement) throws SQLException {
        if (connection != null) {
            statement.setFetchSize(FETCH_SIZE);
        }
    }

    /** The query's rows are all read: its effects stay, as in autocommit. */
    public void commit() throws SQLException {
        if (connection != null) {
            connection.commit();
            committed = true;
        }
    }

    private void rollback() throws SQLException {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // A Ctrl-C's cancel request may reach the server only as the rollback runs, and stop it: once more.
            if (connection.isClosed()) {
                return;
            }
            connection.rollback();
        }
    }

    /** Rolls back a query not committed (it failed or was cancelled); back to autocommit. */
    @Override
    public void close() throws SQLException {
        if (connection == null || connection.isClosed()) {
            return;
        }
        try {
            if (!committed) {
                rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
