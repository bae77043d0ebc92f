package io.nasql.shell.statement;

import io.nasql.shell.Session;
import io.nasql.shell.output.JdbcRows;
import io.nasql.shell.output.ResultPrinter;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/** Runs SQL on the inventory as it is, printing each result it returns. */
public final class SqlHandler implements Handler {
    private final AtomicReference<java.sql.Statement> running = new AtomicReference<>();

    @Override
    public void run(Statement statement, Session session) throws Exception {
        ReadThrough.refresh(statement, session);
        ResultPrinter printer = session.printer();
        try (java.sql.Statement jdbc = session.connection().createStatement()) {
            running.set(jdbc);
            boolean isResult = jdbc.execute(statement.text());
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
        } catch (SQLException e) {
            throw SqlErrors.of(e, statement);
        } finally {
            running.set(null);
        }
    }

    /** Cancels the statement running now, if any (Ctrl-C). */
    public void cancel() {
        java.sql.Statement jdbc = running.get();
        if (jdbc != null) {
            try {
                jdbc.cancel();
            } catch (SQLException e) {
                // it finished meanwhile
            }
        }
    }
}
