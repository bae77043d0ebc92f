package io.nasql.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportHandler;
import io.nasql.shell.report.ReportRunner;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.ShowScopesHandler;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementKind;
import io.nasql.shell.statement.SyncHandler;
import io.nasql.shell.write.DeleteHandler;
import io.nasql.shell.write.ExecHandler;
import io.nasql.shell.write.InsertHandler;
import java.util.Map;
import java.util.function.Supplier;

/** The statement engine with every verb this build has. */
public final class Engines {
    private Engines() {
    }

    public static StatementEngine standard(Supplier<ReportCatalog> reports, Map<String, JsonNode> variables) {
        StatementEngine engine = new StatementEngine()
                .with(StatementKind.SYNC, new SyncHandler())
                .with(StatementKind.SHOW_SCOPES, new ShowScopesHandler())
                .with(StatementKind.INSERT_JOBS, new InsertHandler())
                .with(StatementKind.DELETE_JOBS, new DeleteHandler())
                .with(StatementKind.EXEC, new ExecHandler(ResourceCatalog.load()));
        return engine.with(StatementKind.REPORT, new ReportHandler(reports, variables, new ReportRunner(engine)));
    }
}
