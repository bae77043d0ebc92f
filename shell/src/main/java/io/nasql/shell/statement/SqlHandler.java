package io.nasql.shell.statement;

import io.nasql.db.StreamedRead;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.output.JdbcRows;
import io.nasql.shell.output.ResultPrinter;
import java.sql.Connection;
import java.sql.SQLException;

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
        if (StatementEffects.writesResource(statement.text())) {
            throw new StatementException("google.aiplatform.nas_jobs changes only through the API: INSERT INTO google.aiplatform.nas_jobs,"
                    + " DELETE FROM google.aiplatform.nas_jobs or EXEC google.aiplatform.nas_jobs.cancel", statement.position());
        }
        readThrough.refresh(statement, execution.cancel());
        // Ctrl-C during the read-through: the query does not start (a JDBC cancel before execute would not stop it).
        execution.cancel().throwIfCancelled();
        // On PostgreSQL a query's rows come in batches inside a read-only transaction; one that turns out to write runs again plainly.
        if (!StatementEffects.isQuery(statement.text()) || !execute(statement, execution, true)) {
            execute(statement, execution, false);
        }
    }

    /** Runs the statement and prints its results; false, having run nothing, when streaming it met a write. */
    private boolean execute(Statement statement, Execution execution, boolean streamed) throws Exception {
        ResultPrinter printer = execution.printer();
        Connection connection = inventory.connection();
        try (StreamedRead stream = streamed ? StreamedRead.begin(inventory.inventory().backend(), connection) : null;
             RoutedStatement routed = RoutedStatement.prepare(connection, statement.text());
             var cancel = execution.cancel().onCancel(() -> cancel(routed.jdbc()))) {
            java.sql.Statement jdbc = routed.jdbc();
            boolean isResult;
            try {
                if (stream != null) {
                    stream.prepare(jdbc);
                }
                isResult = routed.execute();
            } catch (SQLException e) {
                if (stream != null && stream.refusedWrite(e)) {
                    return false;
                }
                throw e;
            }
            while (true) {
                if (isResult) {
                    try (JdbcRows rows = new JdbcRows(jdbc.getResultSet())) {
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
            return true;
        } catch (SQLException e) {
            throw SqlErrors.of(e, statement);
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
