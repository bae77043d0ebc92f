package io.nasql.shell.statement;

import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeOrigins;
import io.nasql.shell.backend.ApiAccess;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.sync.CancelToken;
import io.nasql.sync.LocationDiscovery;
import io.nasql.sync.ScopeOutcome;
import io.nasql.sync.ScopeResolver;
import io.nasql.sync.SyncEngine;
import io.nasql.sync.SyncOptions;
import io.nasql.sync.SyncReport;
import io.nasql.sync.SyncWorker;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.nasql.sync.discovery.DiscoveryClients;
import io.nasql.sync.discovery.DiscoveryScope;
import io.nasql.sync.discovery.ScopeDiscovery;

/**
 * One sync from the shell, the {@code sync} command or a read-through: resolves the scopes,
 * runs the engine with a progress line, and stops cleanly on Ctrl-C or SIGTERM.
 */
public final class SyncRun {
    private final InventoryAccess inventory;
    private final ApiAccess api;
    private final SyncOptions options;
    private final ProgressSink progress;
    private final Settings settings;
    /** Made on the first run: a session that never syncs does not look up its host name. */
    private SyncWorker worker;

    /** {@code settings} gives {@code running_refresh} at each run. */
    public SyncRun(InventoryAccess inventory, ApiAccess api, SyncOptions options, ProgressSink progress, Settings settings) {
        this(inventory, api, options, progress, settings, null);
    }

    private SyncRun(InventoryAccess inventory, ApiAccess api, SyncOptions options, ProgressSink progress, Settings settings,
                    SyncWorker worker) {
        this.inventory = inventory;
        this.api = api;
        this.options = options;
        this.progress = progress;
        this.settings = settings;
        this.worker = worker;
    }

    private synchronized SyncWorker worker() {
        if (worker == null) {
            worker = SyncWorker.local();
        }
        return worker;
    }

    /** The same run by one of several workers: only the scopes of its shard, each held by a lease while it syncs. */
    public SyncRun as(SyncWorker other) {
        return new SyncRun(inventory, api, options, progress, settings, other);
    }

    public SyncReport scopes(List<String> projects, List<String> locations, CancelToken cancel) throws InterruptedException {
        long callsBefore = api.callRunner().calls();
        ScopeResolver.Resolution resolution = new ScopeResolver(locationDiscovery(cancel)).resolve(projects, locations);
        return run(resolution.scopes(), resolution.failures(), cancel, callsBefore);
    }

    /**
     * Named projects, and the scopes found in the organizations and folders (Cloud Asset
     * Inventory, or Resource Manager and ListLocations without its permission); each scope's
     * origin goes to {@code sync_scopes}. {@code notices} gets the one line about a missing permission.
     */
    public SyncReport discovered(List<String> projects, List<String> locations, DiscoveryScope scope, Consumer<String> notices,
                                 CancelToken cancel) throws InterruptedException {
        if (scope.coversNoContainer() && scope.excludeProjects().isEmpty()) {
            return scopes(projects, locations, cancel);
        }
        long callsBefore = api.callRunner().calls();
        ScopeDiscovery.Plan plan;
        try (DiscoveryClients clients = new DiscoveryClients(api.target(), api.clients().credentials(), options.callDeadline())) {
            plan = new ScopeDiscovery(clients, api.callRunner(), new ScopeResolver(locationDiscovery(cancel))::resolve,
                    new ScopeOrigins(inventory.inventory().dsl()), notices, cancel).plan(projects, locations, scope);
        }
        SyncReport report = run(plan.keys(), plan.failures(), cancel, callsBefore);
        new ScopeOrigins(inventory.inventory().dsl()).record(plan.scopes());
        return report;
    }

    /** Each project's locations, remembered for a day; regions without NAS are skipped until then. */
    private LocationDiscovery locationDiscovery(CancelToken cancel) {
        return new LocationDiscovery(api.clients(), api.callRunner(), inventory.store().memory(), Clock.systemUTC(),
                LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM, cancel);
    }

    public SyncReport run(List<ScopeKey> scopes, CancelToken cancel) throws InterruptedException {
        return run(scopes, List.of(), cancel, api.callRunner().calls());
    }

    private SyncReport run(List<ScopeKey> scopes, List<ScopeOutcome> known, CancelToken cancel, long callsBefore)
            throws InterruptedException {
        SyncOptions options = this.options.withRunningRefresh(settings.runningRefresh());
        SyncWorker worker = worker();
        List<ScopeKey> mine = scopes.stream().filter(worker.shard()::contains).toList();
        try (SyncEngine engine = new SyncEngine(inventory.store(), worker, api.clients(), api.callRunner(), options,
                Clock.systemUTC())) {
            // Ctrl-C (the REPL's, or SIGINT/SIGTERM in batch mode) cancels the statement's token, which stops this run.
            ScheduledExecutorService ticker = progress == ProgressSink.NONE ? null : startProgress(engine);
            try (CancelToken.Registration stop = cancel.onCancel(engine::interrupt)) {
                return engine.sync(mine, known, callsBefore);
            } finally {
                if (ticker != null) {
                    ticker.shutdownNow();
                    progress.clear();
                }
            }
        }
    }

    private ScheduledExecutorService startProgress(SyncEngine engine) {
        long start = System.nanoTime();
        long callsBefore = api.callRunner().calls();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nasql-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
            long calls = api.callRunner().calls() - callsBefore;
            progress.show(String.format(Locale.ROOT, "sync: %d/%d scopes, %d jobs, %d errors, %.0f calls/s",
                    engine.progress().scopesDone(), engine.progress().scopesTotal(), engine.progress().jobsListed(),
                    engine.progress().errors(), calls / seconds));
        }, 200, 250, TimeUnit.MILLISECONDS);
        return ticker;
    }

    /**
     * The summary: one line of totals, then one line per failed, denied or disabled scope (its
     * message says what to do). Regions without NAS are counted, not listed: they are no failure.
     */
    public static String summary(SyncReport report) {
        long disabled = report.count(ScopeOutcome.Status.DISABLED);
        long unsupported = report.count(ScopeOutcome.Status.UNSUPPORTED);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s %d scopes in %.1fs: %d ok, %d failed, %d denied%s%s%s; jobs %d added, %d changed, %d removed; %d API calls%n",
                report.interrupted() ? "interrupted after" : "synced", report.outcomes().size(), report.elapsed().toMillis() / 1000.0,
                report.count(ScopeOutcome.Status.OK), report.count(ScopeOutcome.Status.FAILED), report.count(ScopeOutcome.Status.DENIED),
                disabled == 0 ? "" : ", " + disabled + " API disabled",
                unsupported == 0 ? "" : ", " + unsupported + " without NAS",
                (report.interrupted() ? ", " + report.count(ScopeOutcome.Status.INTERRUPTED) + " not finished" : "")
                        + (report.count(ScopeOutcome.Status.HELD) > 0 ? ", " + report.count(ScopeOutcome.Status.HELD)
                        + " held by other workers" : ""),
                report.added(), report.changed(), report.removed(), report.apiCalls()));
        for (ScopeOutcome problem : report.problems()) {
            text.append(String.format("%-6s %s: %s%n", problem.status().name().toLowerCase(Locale.ROOT), problem.scope(), io.nasql.db.Secrets.mask(problem.message())));
        }
        return text.toString();
    }
}
