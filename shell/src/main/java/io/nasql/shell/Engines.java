package io.nasql.shell;

import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementKind;
import io.nasql.shell.statement.SyncHandler;
import io.nasql.shell.write.DeleteHandler;
import io.nasql.shell.write.ExecHandler;
import io.nasql.shell.write.InsertHandler;

/** The statement engine with every verb this build has. */
public final class Engines {
    private Engines() {
    }

    public static StatementEngine standard() {
        return new StatementEngine()
                .with(StatementKind.SYNC, new SyncHandler())
                .with(StatementKind.INSERT_JOBS, new InsertHandler())
                .with(StatementKind.DELETE_JOBS, new DeleteHandler())
                .with(StatementKind.EXEC, new ExecHandler(ResourceCatalog.load()));
    }
}
