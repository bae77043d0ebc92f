package io.nasql.shell.write;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ProtoJson;
import io.nasql.db.ScopeKey;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Statement;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.JobWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Sends the creates of an INSERT or a manifest in order. Each created job is in the inventory
 * at once; the first failure stops the rest (not attempted), as does Ctrl-C; the report names
 * every row.
 */
final class Creates {
    private static final List<String> COLUMNS = List.of("projectsId", "locationsId", "nasJobsId", "displayName", "state", "createTime");

    /** A job to create and where. */
    record Draft(ScopeKey scope, NasJob job) {
    }

    private Creates() {
    }

    static void send(List<Draft> drafts, JobWriters writers, Execution execution, Statement statement) throws Exception {
        CancelToken cancel = execution.cancel();
        JobWriter writer = writers.forStatement(cancel);
        TargetReport report = new TargetReport(COLUMNS, "created");
        boolean failed = false;
        for (Draft draft : drafts) {
            if (failed || cancel.isCancelled()) {
                report.notAttempted(row(draft.scope(), draft.job()), cancel.isCancelled());
                continue;
            }
            try {
                report.done(row(draft.scope(), writer.create(draft.scope(), draft.job())));
            } catch (CancelledException e) {
                report.notAttempted(row(draft.scope(), draft.job()), true);
            } catch (RuntimeException e) {
                // Any failure, not only the API's (the inventory, a client for another location): the report still names every row.
                if (drafts.size() == 1) {
                    throw e;
                }
                failed = true;
                report.failed(row(draft.scope(), draft.job()), e);
            }
        }
        if (cancel.isCancelled()) {
            report.cancelled();
        }
        report.print(execution.printer());
        report.throwIfIncomplete(statement, "the jobs created are in the inventory");
    }

    private static List<Object> row(ScopeKey scope, NasJob job) {
        String name = job.getName();
        var created = job.hasCreateTime() ? ProtoJson.time(job.getCreateTime()) : null;
        return Arrays.asList(scope.projectsId(), scope.locationsId(), name.isEmpty() ? null : name.substring(name.lastIndexOf('/') + 1),
                job.getDisplayName(), name.isEmpty() ? null : job.getState().name(), created == null ? null : created.toString());
    }
}
