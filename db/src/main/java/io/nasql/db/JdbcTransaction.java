package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** A transaction on one of the pool's connections, without jOOQ's machinery: for the statements every scope runs. */
final class JdbcTransaction {
    /** The work of one transaction; what it throws rolls it back. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private JdbcTransaction() {
    }

    static void run(DSLContext dsl, Work work) {
        dsl.connection(connection -> {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException sql) {
                    throw new DataAccessException(sql.getMessage(), sql);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }
}
