package io.nasql.shell.statement;

import io.nasql.shell.output.ListRows;
import io.nasql.sync.ScopeOutcome;
import io.nasql.sync.SyncReport;
import io.nasql.sync.discovery.DiscoveryScope;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code SYNC [google.aiplatform.nas_jobs] [WHERE ...]}: syncs the scopes the WHERE names, or the configured scope. */
public final class SyncHandler implements Handler {
    private static final Pattern SYNC = Pattern.compile("^\\s*SYNC(?:\\s+" + StatementKind.Names.RESOURCE + ")?\\s*(WHERE\\s+.*?)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final SyncRun syncs;
    private final List<String> configuredProjects;
    private final List<String> configuredLocations;
    private final DiscoveryScope discovery;
    private final Consumer<String> notices;

    /** Syncs with {@code syncs}; without a WHERE, the configured projects and locations. */
    public SyncHandler(SyncRun syncs, List<String> configuredProjects, List<String> configuredLocations) {
        this(syncs, configuredProjects, configuredLocations, DiscoveryScope.none(), line -> { });
    }

    /** As above; without a WHERE, SYNC also covers these organizations and folders, and {@code notices} hears about a missing permission. */
    public SyncHandler(SyncRun syncs, List<String> configuredProjects, List<String> configuredLocations, DiscoveryScope discovery,
                       Consumer<String> notices) {
        this.syncs = syncs;
        this.configuredProjects = List.copyOf(configuredProjects);
        this.configuredLocations = List.copyOf(configuredLocations);
        this.discovery = discovery;
        this.notices = notices;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = SYNC.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write it as SYNC [google.aiplatform.nas_jobs] [WHERE projectsId = '...' AND locationsId = '...']",
                    statement.position());
        }
        List<String> projects = new ArrayList<>(configuredProjects);
        List<String> locations = new ArrayList<>(configuredLocations);
        if (m.group(1) != null) {
            ScopePins pins = ScopePins.of(m.group(1), statement.dialect());
            if (pins.values("projectsId").isEmpty()) {
                throw new StatementException("SYNC ... WHERE needs projectsId = '...' or projectsId IN (...)", statement.position());
            }
            projects = new ArrayList<>(pins.values("projectsId"));
            if (!pins.values("locationsId").isEmpty()) {
                locations = new ArrayList<>(pins.values("locationsId"));
            }
        }
        if (projects.isEmpty() && (m.group(1) != null || discovery.coversNoContainer())) {
            throw new StatementException("no scope to sync: name it, as in SYNC WHERE projectsId = 'p' AND locationsId = 'l',"
                    + " or pass --projects", statement.position());
        }
        boolean configured = m.group(1) == null && (!discovery.coversNoContainer() || !discovery.excludeProjects().isEmpty());
        SyncReport report = configured ? syncs.discovered(projects, locations, discovery, notices, execution.cancel())
                : syncs.scopes(projects, locations, execution.cancel());
        List<List<Object>> rows = new ArrayList<>();
        for (ScopeOutcome o : report.outcomes()) {
            rows.add(Arrays.asList(o.scope().projectsId(), o.scope().locationsId(), o.status().name(),
                    o.changes() == null ? null : String.valueOf(o.changes().added()),
                    o.changes() == null ? null : String.valueOf(o.changes().changed()),
                    o.changes() == null ? null : String.valueOf(o.changes().removed()), io.nasql.db.Secrets.mask(o.message())));
        }
        execution.printer().print(ListRows.ofText(List.of("projectsId", "locationsId", "status", "added", "changed", "removed", "message"), rows));
        if (!report.problems().isEmpty()) {
            throw new StatementException(report.problems().size() + " of " + report.outcomes().size()
                    + " scopes failed; their rows are as they were", statement.position());
        }
    }
}
