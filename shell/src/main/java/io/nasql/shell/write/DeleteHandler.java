package io.nasql.shell.write;

import io.nasql.db.ScopeKey;
import io.nasql.shell.ProgressSink;
import io.nasql.shell.Session;
import io.nasql.shell.output.ListRows;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.ScopePins;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementKind;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.JobWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DELETE FROM google.aiplatform.nas_jobs WHERE ...}. A WHERE that names one job by its
 * three keys sends one DeleteNasJob; any other is a bulk delete of the inventory's matching jobs.
 * A row leaves the inventory only once the API confirms its delete.
 */
public final class DeleteHandler implements Handler {
    private static final Pattern DELETE = Pattern.compile(
            "^\\s*DELETE\\s+FROM\\s+" + StatementKind.Names.RESOURCE + "\\s*(?:WHERE\\s+(.*?))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    @Override
    public void run(Statement statement, Session session) throws Exception {
        Matcher m = DELETE.matcher(Sql.stripComments(statement.text()));
        if (!m.matches()) {
            throw new StatementException("write it as DELETE FROM google.aiplatform.nas_jobs WHERE ...", statement.position());
        }
        String where = m.group(1) == null ? "" : m.group(1);
        boolean await = !Sql.hints(statement.text()).contains("NOWAIT");
        ScopePins pins = ScopePins.of("WHERE " + where);
        List<BulkTargets.Target> targets;
        if (pins.isExactlyOneJob("WHERE")) {
            targets = List.of(new BulkTargets.Target(pins.scopes().get(0), pins.values("nasJobsId").iterator().next(), null, null));
        } else {
            targets = BulkTargets.find(session, where, statement);
            if (targets.isEmpty()) {
                session.printer().printStatus("no job in the inventory matches; nothing was sent");
                return;
            }
            BulkTargets.confirm(session, "DELETE", targets, statement);
        }
        JobWriter writer = new JobWriter(session.clients(), session.runner(), session.store(), session.clock());
        List<List<Object>> outcomes = new ArrayList<>();
        int failed = 0;
        ApiCallException only = null;
        for (BulkTargets.Target target : targets) {
            String outcome;
            try {
                JobWriter.PendingDelete delete = writer.startDelete(target.scope(), target.nasJobsId());
                outcome = await ? awaitDone(writer, delete, session) : "DELETE STARTED";
            } catch (ApiCallException e) {
                failed++;
                only = e;
                outcome = e.toString();
            }
            outcomes.add(Arrays.asList(target.scope().projectsId(), target.scope().locationsId(), target.nasJobsId(), outcome));
        }
        if (targets.size() == 1 && only != null) {
            throw only;
        }
        session.printer().print(ListRows.ofText(List.of("projectsId", "locationsId", "nasJobsId", "outcome"), outcomes));
        if (failed > 0) {
            throw new StatementException(failed + " of " + targets.size() + " deletes failed; their rows are kept", statement.position());
        }
    }

    /** Waits for the delete with a progress line, bounded. */
    private static String awaitDone(JobWriter writer, JobWriter.PendingDelete delete, Session session) throws InterruptedException {
        ProgressSink progress = session.progress();
        long start = System.nanoTime();
        ScopeKey scope = delete.scope();
        try {
            while (!writer.awaitDelete(delete, POLL)) {
                if (session.cancelRequested()) {
                    throw new StatementException("cancelled while waiting: the delete of " + scope + "/" + delete.nasJobsId()
                            + " goes on at the API, and its row stays until a sync sees it gone", null);
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (waited.compareTo(GIVE_UP) > 0) {
                    throw new ApiCallException("DEADLINE_EXCEEDED", "the delete of " + scope + "/" + delete.nasJobsId()
                            + " did not finish in " + GIVE_UP.toMinutes() + " minutes; its row is kept until a sync sees it gone", null);
                }
                progress.show("deleting " + scope + "/" + delete.nasJobsId() + " ... " + waited.toSeconds() + "s");
            }
        } finally {
            progress.clear();
        }
        return "DELETED";
    }
}
