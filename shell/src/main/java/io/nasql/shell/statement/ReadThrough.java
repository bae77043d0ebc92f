package io.nasql.shell.statement;

import io.nasql.db.ScopeFreshness;
import io.nasql.db.ScopeKey;
import io.nasql.shell.Session;
import io.nasql.shell.SyncRun;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CredentialsException;
import io.nasql.sync.ScopeOutcome;
import io.nasql.sync.SyncReport;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Before a SELECT on the resource whose WHERE pins projectsId and locationsId: syncs the pinned
 * scopes that were never synced or are older than {@code max_age}. If that fails, the query
 * still runs on the inventory as it is, with a warning.
 */
final class ReadThrough {
    private static final Pattern READS_RESOURCE = Pattern.compile("(?is)^\\s*(SELECT|WITH)\\b.*\\b" + StatementKind.Names.RESOURCE + "\\b.*");

    private static final int NAMED = 3;

    private ReadThrough() {
    }

    static void refresh(Statement statement, Session session) throws InterruptedException {
        String text = Sql.stripComments(statement.text());
        if (!READS_RESOURCE.matcher(text).matches()) {
            return;
        }
        List<ScopeKey> scopes = ScopePins.of(text).scopes();
        if (scopes.isEmpty()) {
            return;
        }
        Duration maxAge = (Duration) session.setting(Setting.MAX_AGE);
        OffsetDateTime now = session.clock().instant().atOffset(java.time.ZoneOffset.UTC);
        Map<ScopeKey, OffsetDateTime> synced = new ScopeFreshness(session.inventory()).lastSuccess(scopes);
        List<ScopeKey> stale = new ArrayList<>();
        for (ScopeKey scope : scopes) {
            OffsetDateTime last = synced.get(scope);
            if (last == null || maxAge.isZero() || last.isBefore(now.minus(maxAge))) {
                stale.add(scope);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        session.notices().println("syncing " + stale.size() + (stale.size() == 1 ? " scope" : " scopes") + " first (max_age "
                + Setting.formatDuration(maxAge) + "): " + named(stale, synced));
        try {
            SyncReport report = new SyncRun(session).run(stale);
            for (ScopeOutcome problem : report.problems()) {
                session.notices().println("warning: " + problem.scope() + " was not refreshed (" + problem.message()
                        + "); its rows are as they were");
            }
        } catch (ApiCallException | CredentialsException e) {
            session.notices().println("warning: could not refresh (" + io.nasql.db.Secrets.mask(e.getMessage()) + "); querying the inventory as it is");
        }
        session.notices().flush();
    }

    /** The first few scopes by name, then how many more: a notice stays one short line for a thousand scopes. */
    static String named(List<ScopeKey> scopes, Map<ScopeKey, OffsetDateTime> synced) {
        List<String> names = scopes.stream().limit(NAMED).map(s -> s + (synced.containsKey(s) ? "" : " (never synced)")).toList();
        int rest = scopes.size() - names.size();
        return String.join(", ", names) + (rest == 0 ? "" : " and " + rest + " more");
    }
}
