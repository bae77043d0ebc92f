package io.nasql.shell.statement;

import io.nasql.db.StreamedRead;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.output.CancellableRows;
import io.nasql.shell.output.JdbcRows;
import io.nasql.shell.output.ResultPrinter;
import io.nasql.shell.output.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Runs SQL on the inventory as it is, printing each result as it streams; Ctrl-C cancels it through the statement's token. */
public final class SqlHandler implements Handler {
    private final InventoryAccess inventory;
    private final ReadThrough readThrough;

    public SqlHandler(InventoryAccess inventory, ReadThrough readThrough) {
        this.inventory = inventory;
        this.readThrough = readThrough;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        // Read as the server will: on PostgreSQL with standard_conforming_strings off a backslash escapes in every string.
        Optional<String> refused = StatementEffects.refusal(statement.text(), statement.dialect(), inventory.backslashStrings());
        if (refused.isPresent()) {
            throw new StatementException(refused.get(), statement.position());
        }
        readThrough.refresh(statement, execution.cancel());
        // Ctrl-C during the read-through: the query does not start (a JDBC cancel before execute would not stop it).
        execution.cancel().throwIfCancelled();
        ResultPrinter printer = execution.printer();
        Connection connection = inventory.connection();
        // On PostgreSQL a query's rows come in batches inside a transaction of its own, committed once they are all read.
        boolean query = StatementEffects.isQuery(statement.text(), statement.dialect());
        try (StreamedRead stream = query ? StreamedRead.begin(inventory.inventory().backend(), connection) : null;
             RoutedStatement routed = RoutedStatement.prepare(connection, statement.text(), statement.dialect());
             var cancel = execution.cancel().onCancel(() -> cancel(routed.jdbc()))) {
            java.sql.Statement jdbc = routed.jdbc();
            if (stream != null) {
                stream.prepare(jdbc);
            }
            boolean isResult = routed.execute();
            while (true) {
                if (isResult) {
                    // Between two batches nothing runs on the server for a JDBC cancel to stop: the token is read at each row.
                    try (Rows rows = new CancellableRows(new JdbcRows(jdbc.getResultSet()), execution.cancel())) {
                        printer.print(rows);
                    }
                } else {
                    long count = jdbc.getLargeUpdateCount();
                    if (count < 0) {
                        break;
                    }
                    printer.printStatus(count == 0 ? "OK" : "OK, " + count + (count == 1 ? " row" : " rows") + " affected");
                }
                isResult = jdbc.getMoreResults();
            }
            if (stream != null) {
                stream.commit();
            }
        } catch (SQLException e) {
            // The database's own "canceled" error after Ctrl-C reads as any other cancel.
            execution.cancel().throwIfCancelled();
            // A connection the server closed since it was last checked: said so, and replaced for the next statement.
            inventory.afterFailure();
            throw SqlErrors.of(e, statement);
        } finally {
            inventory.afterStatement();
        }
    }

    private static void cancel(java.sql.Statement jdbc) {
        try {
            jdbc.cancel();
        } catch (SQLException e) {
            // it finished meanwhile
        }
    }
}
