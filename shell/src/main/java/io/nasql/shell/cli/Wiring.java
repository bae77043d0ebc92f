package io.nasql.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.shell.backend.ApiAccess;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportHandler;
import io.nasql.shell.report.ReportRunner;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.IntrospectionHandler;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.ReadThrough;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.SettingHandler;
import io.nasql.shell.statement.ShowScopesHandler;
import io.nasql.shell.statement.ShowInsertHandler;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.SqlHandler;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementKind;
import io.nasql.shell.statement.SyncHandler;
import io.nasql.shell.statement.SyncRun;
import io.nasql.shell.write.BulkTargets;
import io.nasql.shell.write.Confirmer;
import io.nasql.shell.write.DeleteHandler;
import io.nasql.shell.write.ExecHandler;
import io.nasql.shell.write.InsertHandler;
import io.nasql.shell.write.JobWriters;
import io.nasql.shell.write.ManifestCreate;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The composition root: the object graph of one run, built once from the merged configuration
 * and the front end (where notices and progress go, who answers a bulk write's question).
 * Everything else gets its collaborators through its constructor. Closing it closes the
 * inventory and the API clients, if they were opened.
 */
public final class Wiring implements AutoCloseable {
    private final SessionConfig config;
    private final Settings settings;
    private final InventoryAccess inventory;
    private final ApiAccess api;
    private final Clock clock;

    /** How the front end takes part: notices, progress, confirmation, reports and template variables. */
    public record FrontEnd(PrintWriter notices, ProgressSink progress, Confirmer confirmer, Supplier<ReportCatalog> reports,
                           Map<String, JsonNode> variables) {
    }

    public Wiring(SessionConfig config, Settings settings, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        this.inventory = new InventoryAccess(config.dbUrl(), config.folder(), config.dbPassword());
        this.api = new ApiAccess(config.api(), config.sync());
    }

    public SessionConfig config() {
        return config;
    }

    public Settings settings() {
        return settings;
    }

    public InventoryAccess inventory() {
        return inventory;
    }

    public ApiAccess api() {
        return api;
    }

    public Clock clock() {
        return clock;
    }

    public SyncRun syncs(ProgressSink progress) {
        return new SyncRun(inventory, api, config.sync(), progress, settings);
    }

    /** The query handler: SQL over the inventory, with read-through for pinned scopes. */
    public SqlHandler queries(FrontEnd front) {
        return new SqlHandler(inventory, new ReadThrough(settings, inventory, syncs(front.progress()), front.notices(), clock));
    }

    /** The command table: every verb and its handler, in this one place. */
    public StatementEngine engine(FrontEnd front) {
        ResourceCatalog catalog = ResourceCatalog.load();
        SqlHandler queries = queries(front);
        IntrospectionHandler introspection = new IntrospectionHandler(catalog, inventory);
        JobWriters writers = writers();
        BulkTargets bulk = new BulkTargets(inventory, config.assumeYes() ? Confirmer.YES : front.confirmer(), front.notices());
        // A bulk write waiting for the submission quota says so on the progress line.
        api.onPacing(front.progress()::show);
        // A replaced connection lost the user's SET, temporary tables and prepared statements: said on stderr.
        inventory.onReopen(() -> front.notices().println("notice: " + InventoryAccess.REOPENED));
        Map<StatementKind, Handler> table = new EnumMap<>(StatementKind.class);
        table.put(StatementKind.SQL, queries);
        table.put(StatementKind.SHOW_SERVICES, introspection);
        table.put(StatementKind.SHOW_RESOURCES, introspection);
        table.put(StatementKind.SHOW_METHODS, introspection);
        table.put(StatementKind.DESCRIBE, introspection);
        table.put(StatementKind.SHOW_SCOPES, new ShowScopesHandler(inventory));
        table.put(StatementKind.SHOW_INSERT, new ShowInsertHandler());
        table.put(StatementKind.SETTING, new SettingHandler(settings));
        table.put(StatementKind.UPDATE_JOBS, StatementEngine.noUpdates());
        table.put(StatementKind.SYNC, new SyncHandler(syncs(front.progress()), config.projects(), config.locations(),
                config.discovery(), front.notices()::println));
        table.put(StatementKind.INSERT_JOBS, new InsertHandler(inventory, writers));
        table.put(StatementKind.DELETE_JOBS, new DeleteHandler(bulk, writers, front.progress()));
        table.put(StatementKind.EXEC, new ExecHandler(catalog, bulk, writers));
        table.put(StatementKind.REPORT, new ReportHandler(front.reports(), front.variables(), reports(queries, front.notices())));
        return new StatementEngine(table, inventory.backend());
    }

    public ReportRunner reports(SqlHandler queries, PrintWriter notices) {
        return new ReportRunner(queries, inventory, clock, notices);
    }

    public ManifestCreate manifests(FrontEnd front) {
        return new ManifestCreate(writers(), front.notices(), config.projects(), config.locations());
    }

    private JobWriters writers() {
        return new JobWriters(api, inventory, clock);
    }

    @Override
    public void close() {
        api.close();
        inventory.close();
    }
}
