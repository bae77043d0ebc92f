package io.nasql.shell.statement;

import io.nasql.shell.Session;
import java.util.EnumMap;
import java.util.Map;

/** Classifies each statement and hands it to the handler of its kind: the one command table. */
public final class StatementEngine {
    private final Map<StatementKind, Handler> handlers = new EnumMap<>(StatementKind.class);

    public StatementEngine() {
        IntrospectionHandler introspection = new IntrospectionHandler(ResourceCatalog.load());
        handlers.put(StatementKind.SQL, new SqlHandler());
        handlers.put(StatementKind.SHOW_SERVICES, introspection);
        handlers.put(StatementKind.SHOW_RESOURCES, introspection);
        handlers.put(StatementKind.SHOW_METHODS, introspection);
        handlers.put(StatementKind.DESCRIBE, introspection);
        handlers.put(StatementKind.SHOW_INSERT, new ShowInsertHandler());
        handlers.put(StatementKind.SETTING, new SettingHandler());
        handlers.put(StatementKind.UPDATE_JOBS, (statement, session) -> {
            throw new StatementException("google.aiplatform.nas_jobs mirrors the API, which has no update method for NasJobs:"
                    + " create with INSERT, remove with DELETE, stop with EXEC google.aiplatform.nas_jobs.cancel", statement.position());
        });
    }

    /** Replaces the handler of a kind; the write verbs and reports register themselves here. */
    public StatementEngine with(StatementKind kind, Handler handler) {
        handlers.put(kind, handler);
        return this;
    }

    public void execute(Statement statement, Session session) {
        StatementKind kind = StatementKind.of(statement.text());
        Handler handler = handlers.get(kind);
        if (handler == null) {
            throw new StatementException(kind.name().replace('_', ' ')
                    + " is not available yet in this version of nasql", statement.position());
        }
        try {
            handler.run(statement, session);
        } catch (StatementException | io.nasql.db.InventoryException | io.nasql.sync.CredentialsException e) {
            throw e;
        } catch (io.nasql.sync.ApiCallException e) {
            throw new StatementException(e.toString(), statement.position(), e);
        } catch (InterruptedException e) {
            // The flag is not set again: this thread runs the next statement, and an interrupted thread in
            // H2's file I/O would close the database. Stopping is cooperative (Session.cancel).
            throw new StatementException("interrupted", statement.position(), e);
        } catch (Exception e) {
            throw new StatementException(e.getMessage() == null ? e.toString() : e.getMessage(), statement.position(), e);
        }
    }
}
