package io.nasql.shell.statement;

import io.nasql.db.ScopeFreshness;
import io.nasql.db.ScopeKey;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CredentialsException;
import io.nasql.sync.ScopeOutcome;
import io.nasql.sync.SyncReport;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
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
public final class ReadThrough {
    private static final Pattern READS = Pattern.compile("(?i)\\s*(SELECT|WITH)\\b");
    /** Found from the start, not matched back from the end: a statement pinning 1,000 scopes is 12 KB (issue 14). */
    private static final Pattern RESOURCE = Pattern.compile("(?i)\\b" + StatementKind.Names.RESOURCE + "\\b");

    private static final int NAMED = 3;

    private final Settings settings;
    private final InventoryAccess inventory;
    private final SyncRun syncs;
    private final PrintWriter notices;
    private final Clock clock;

    public ReadThrough(Settings settings, InventoryAccess inventory, SyncRun syncs, PrintWriter notices, Clock clock) {
        this.settings = settings;
        this.inventory = inventory;
        this.syncs = syncs;
        this.notices = notices;
        this.clock = clock;
    }

    void refresh(Statement statement, CancelToken cancel) throws InterruptedException, SQLException {
        // Read as the server reads it: on PostgreSQL with standard_conforming_strings off a backslash escapes a quote.
        boolean backslashStrings = inventory.backslashStrings();
        String text = Sql.stripComments(statement.text(), statement.dialect(), backslashStrings);
        if (!READS.matcher(text).lookingAt() || !RESOURCE.matcher(text).find()) {
            return;
        }
        // From the statement as written (pins skip comments anyway): its tokens are the ones already scanned for its
        // refusal, where the text without comments would be scanned again (issue 14).
        List<ScopeKey> scopes = ScopePins.of(statement.text(), statement.dialect(), backslashStrings).scopes();
        if (scopes.isEmpty()) {
            return;
        }
        Duration maxAge = settings.maxAge();
        OffsetDateTime now = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        // Any success is less than a thousand years old: a larger max_age (SET max_age = 99999999999d) trusts every scope.
        OffsetDateTime since = maxAge.compareTo(Duration.ofDays(365_000)) > 0 ? now.minusYears(1000) : now.minus(maxAge);
        Map<ScopeKey, Boolean> synced = new ScopeFreshness(inventory.inventory()).syncedSince(scopes, since);
        List<ScopeKey> stale = new ArrayList<>();
        for (ScopeKey scope : scopes) {
            if (maxAge.isZero() || !synced.getOrDefault(scope, false)) {
                stale.add(scope);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        notices.println("syncing " + stale.size() + (stale.size() == 1 ? " scope" : " scopes") + " first (max_age "
                + Setting.formatDuration(maxAge) + "): " + named(stale, synced));
        try {
            SyncReport report = syncs.run(stale, cancel);
            for (ScopeOutcome problem : report.problems()) {
                notices.println("warning: " + problem.scope() + " was not refreshed (" + io.nasql.db.Secrets.mask(problem.message())
                        + "); its rows are as they were");
            }
        } catch (ApiCallException | CredentialsException e) {
            notices.println("warning: could not refresh (" + io.nasql.db.Secrets.mask(e.getMessage()) + "); querying the inventory as it is");
        }
        notices.flush();
    }

    /** The first few scopes by name, then how many more: a notice stays one short line for a thousand scopes. */
    static String named(List<ScopeKey> scopes, Map<ScopeKey, ?> synced) {
        List<String> names = scopes.stream().limit(NAMED).map(s -> s + (synced.containsKey(s) ? "" : " (never synced)")).toList();
        int rest = scopes.size() - names.size();
        return String.join(", ", names) + (rest == 0 ? "" : " and " + rest + " more");
    }
}
