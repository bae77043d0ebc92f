package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * One query whose rows come in batches on PostgreSQL. The PostgreSQL driver reads a whole result
 * into memory unless the query runs inside a transaction with a fetch size; this opens a read-only
 * transaction for the query (so it cannot write anything), fetches {@value #FETCH_SIZE} rows at a
 * time, and ends the transaction when closed, leaving the connection in autocommit as it was. On
 * H2 (whose lazy query execution already streams), or on a connection inside the user's own
 * transaction, it does nothing.
 */
public final class StreamedRead implements AutoCloseable {
    /** Rows per round trip: few enough to keep memory flat, enough that the trips cost little. */
    public static final int FETCH_SIZE = 1000;
    /** PostgreSQL's "cannot execute ... in a read-only transaction". */
    private static final String READ_ONLY_SQL_TRANSACTION = "25006";

    private final Connection connection;

    private StreamedRead(Connection connection) {
        this.connection = connection;
    }

    /** Starts streaming the next query on the connection, when it is a PostgreSQL one in autocommit and outside a transaction. */
    public static StreamedRead begin(Backend backend, Connection connection) throws SQLException {
        if (backend != Backend.POSTGRESQL || !connection.getAutoCommit() || !idle(connection)) {
            return new StreamedRead(null);
        }
        connection.setReadOnly(true);
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

    /**
     * True for PostgreSQL's refusal of a write inside this read-only transaction (a function
     * that writes, SELECT INTO): nothing of the query took effect, so it may run again without streaming.
     */
    public boolean refusedWrite(SQLException e) {
        return connection != null && READ_ONLY_SQL_TRANSACTION.equals(e.getSQLState());
    }

    /** Commits the read (session settings it made stay, as in autocommit), or rolls back a failed one; back to autocommit. */
    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            if (connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED) {
                connection.rollback();
            } else {
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        }
    }
}
