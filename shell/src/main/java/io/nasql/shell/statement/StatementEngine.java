package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.sync.CancelledException;
import java.util.EnumMap;
import java.util.Map;

/** Classifies each statement and hands it to the handler of its kind, from the command table it is given. */
public final class StatementEngine {
    private final Map<StatementKind, Handler> handlers;
    private final Backend dialect;

    /** The handlers, for statements on an inventory whose database reads SQL as {@code dialect}. */
    public StatementEngine(Map<StatementKind, Handler> handlers, Backend dialect) {
        this.handlers = new EnumMap<>(handlers);
        this.dialect = dialect;
    }

    public void execute(Statement given, Execution execution) {
        // Every check of the text lexes it as the inventory's database will.
        Statement statement = given.readAs(dialect);
        StatementKind kind = StatementKind.of(statement.text(), dialect);
        Handler handler = handlers.get(kind);
        if (handler == null) {
            throw new StatementException(kind.name().replace('_', ' ')
                    + " is not available yet in this version of nasql", statement.position());
        }
        try {
            handler.run(statement, execution);
        } catch (StatementException | CancelledException | io.nasql.db.InventoryException | io.nasql.sync.CredentialsException e) {
            throw e;
        } catch (io.nasql.sync.ApiCallException e) {
            throw new StatementException(e.toString(), statement.position(), e);
        } catch (InterruptedException e) {
            // The flag is not set again: this thread runs the next statement, and an interrupted thread in
            // H2's file I/O would close the database. Stopping is cooperative (the statement's CancelToken).
            throw new StatementException("interrupted", statement.position(), e);
        } catch (Exception e) {
            throw new StatementException(e.getMessage() == null ? e.toString() : e.getMessage(), statement.position(), e);
        }
    }

    /** The handler of UPDATE, MERGE and TRUNCATE on the resource: the API has no such method. */
    public static Handler noUpdates() {
        return (statement, execution) -> {
            throw new StatementException("google.aiplatform.nas_jobs mirrors the API, which has no update method for NasJobs:"
                    + " create with INSERT, remove with DELETE, stop with EXEC google.aiplatform.nas_jobs.cancel", statement.position());
        };
    }
}
