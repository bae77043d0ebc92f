package io.nasql.shell.write;

import io.nasql.db.ScopeKey;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.ScopePins;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementKind;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.DeleteUnconfirmedException;
import io.nasql.sync.JobWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DELETE FROM google.aiplatform.nas_jobs WHERE ...}. A WHERE that names one job by its
 * three keys sends one DeleteNasJob; any other is a bulk delete of the inventory's matching jobs.
 * A row leaves the inventory only once the API confirms its delete. Ctrl-C stops before the next
 * DeleteNasJob; the report names every target.
 */
public final class DeleteHandler implements Handler {
    private static final Pattern DELETE = Pattern.compile(
            "^\\s*DELETE\\s+FROM\\s+" + StatementKind.Names.RESOURCE + "\\s*(?:WHERE\\s+(.*?))?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Duration POLL = Duration.ofMillis(500);

    private final BulkTargets bulk;
    private final JobWriters writers;
    private final ProgressSink progress;

    public DeleteHandler(BulkTargets bulk, JobWriters writers, ProgressSink progress) {
        this.bulk = bulk;
        this.writers = writers;
        this.progress = progress;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = DELETE.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write it as DELETE FROM google.aiplatform.nas_jobs WHERE ...", statement.position());
        }
        if (m.group(1) != null && m.group(1).isBlank()) {
            throw new StatementException("WHERE needs a condition: DELETE FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_FAILED' AND ...",
                    statement.position());
        }
        String where = m.group(1) == null ? "" : m.group(1);
        boolean await = !Sql.hints(statement.text(), statement.dialect()).contains("NOWAIT");
        ScopePins pins = ScopePins.of("WHERE " + where, statement.dialect());
        List<BulkTargets.Target> targets;
        if (pins.isExactlyOneJob("WHERE")) {
            targets = List.of(new BulkTargets.Target(pins.scopes().get(0), pins.values("nasJobsId").iterator().next(), null, null));
        } else {
            targets = bulk.find(where, statement);
            if (targets.isEmpty()) {
                execution.printer().printStatus("no job in the inventory matches; nothing was sent");
                return;
            }
            bulk.confirm("DELETE", targets, statement);
        }
        CancelToken cancel = execution.cancel();
        JobWriter writer = writers.forStatement(cancel);
        TargetReport report = new TargetReport(BulkTargets.Target.COLUMNS, await ? "deleted" : "delete started");
        boolean stop = false;
        for (BulkTargets.Target target : targets) {
            if (stop || cancel.isCancelled()) {
                report.notAttempted(target.key(), cancel.isCancelled());
                continue;
            }
            try {
                JobWriter.PendingDelete delete = writer.startDelete(target.scope(), target.nasJobsId());
                if (!await) {
                    report.done(target.key());
                } else if (awaitDone(writer, delete, cancel)) {
                    report.done(target.key());
                } else if (targets.size() == 1) {
                    throw new StatementException("cancelled while waiting: the delete of " + target.scope() + "/" + target.nasJobsId()
                            + " goes on at the API, and its row stays until a sync sees it gone", null);
                } else {
                    report.started(target.key(), "delete started; cancelled while waiting: its row stays until a sync sees it gone");
                }
            } catch (CancelledException e) {
                report.notAttempted(target.key(), true);
            } catch (DeleteUnconfirmedException e) {
                if (targets.size() == 1) {
                    throw e;
                }
                // The API took the delete: it started, whatever became of the polls.
                report.started(target.key(), "delete started; " + e);
            } catch (RuntimeException e) {
                if (targets.size() == 1) {
                    throw e;
                }
                report.failed(target.key(), e);
                // An API error concerns its job only; any other failure (the inventory, a client) stops the rest.
                stop = !(e instanceof ApiCallException);
            }
        }
        if (cancel.isCancelled()) {
            report.cancelled();
        }
        report.print(execution.printer());
        report.throwIfIncomplete(statement, "the rows of the jobs not deleted are kept");
    }

    /**
     * Waits for the delete with a progress line; false when cancelled meanwhile. The one bound is
     * the writer's delete timeout ({@code SyncOptions.deleteTimeout}): past it, awaitDelete throws.
     */
    private boolean awaitDone(JobWriter writer, JobWriter.PendingDelete delete, CancelToken cancel) throws InterruptedException {
        long start = System.nanoTime();
        ScopeKey scope = delete.scope();
        try {
            while (!writer.awaitDelete(delete, POLL)) {
                if (cancel.isCancelled()) {
                    return false;
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                progress.show("deleting " + scope + "/" + delete.nasJobsId() + " ... " + waited.toSeconds() + "s");
            }
        } finally {
            progress.clear();
        }
        return true;
    }
}
