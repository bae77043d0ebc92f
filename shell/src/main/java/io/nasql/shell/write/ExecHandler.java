package io.nasql.shell.write;

import io.nasql.db.ScopeKey;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.JobWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code EXEC google.aiplatform.nas_jobs.cancel @locationsId='..', @nasJobsId='..', @projectsId='..'}:
 * CancelNasJob, then GetNasJob to refresh the row. With a WHERE clause instead of parameters,
 * it cancels the inventory's matching jobs after the bulk confirmation.
 */
public final class ExecHandler implements Handler {
    private static final Pattern EXEC = Pattern.compile("^\\s*EXEC\\s+([\\w.\"]+)\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("@(\\w+)\\s*=\\s*(?:'((?:[^']|'')*)'|([^,\\s]+))\\s*(,|$)");
    private static final String RESOURCE = "google.aiplatform.nas_jobs";

    private final ResourceCatalog catalog;
    private final BulkTargets bulk;
    private final JobWriters writers;

    public ExecHandler(ResourceCatalog catalog, BulkTargets bulk, JobWriters writers) {
        this.catalog = catalog;
        this.bulk = bulk;
        this.writers = writers;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = EXEC.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write it as EXEC " + RESOURCE + ".cancel @locationsId='...', @nasJobsId='...', @projectsId='...'",
                    statement.position());
        }
        String target = m.group(1).replace("\"", "");
        List<String> execMethods = catalog.methods().stream().filter(x -> x.sqlVerb().equals("EXEC")).map(x -> x.name()).toList();
        int dot = target.lastIndexOf('.');
        String resource = dot < 0 ? "" : target.substring(0, dot).toLowerCase(Locale.ROOT);
        String method = target.substring(dot + 1);
        if (!resource.equals(RESOURCE) && !resource.equals("aiplatform.nas_jobs")) {
            throw new StatementException("unknown resource '" + (dot < 0 ? target : target.substring(0, dot))
                    + "': EXEC runs the methods of " + RESOURCE, statement.position());
        }
        ResourceCatalog.Method exec = catalog.method(method);
        if (exec == null || !exec.sqlVerb().equals("EXEC")) {
            throw new StatementException("unknown method '" + method + "' of " + RESOURCE + ": EXEC takes "
                    + String.join(", ", execMethods.stream().map(x -> RESOURCE + "." + x).toList()), statement.position());
        }
        String rest = m.group(2);
        List<BulkTargets.Target> targets;
        if (rest.regionMatches(true, 0, "WHERE", 0, 5)) {
            if (rest.substring(5).isBlank()) {
                throw new StatementException("WHERE needs a condition: EXEC " + RESOURCE + ".cancel WHERE state = 'JOB_STATE_RUNNING' AND ...",
                        statement.position());
            }
            targets = bulk.find(rest.substring(5), statement);
            if (targets.isEmpty()) {
                execution.printer().printStatus("no job in the inventory matches; nothing was sent");
                return;
            }
            bulk.confirm("CANCEL", targets, statement);
        } else {
            Map<String, String> params = params(rest, exec, statement);
            targets = List.of(new BulkTargets.Target(new ScopeKey(params.get("projectsId"), params.get("locationsId")),
                    params.get("nasJobsId"), null, null));
        }
        CancelToken cancel = execution.cancel();
        JobWriter writer = writers.forStatement(cancel);
        List<String> columns = new ArrayList<>(BulkTargets.Target.COLUMNS);
        columns.add("state");
        TargetReport report = new TargetReport(columns, "cancelled");
        boolean stop = false;
        for (BulkTargets.Target t : targets) {
            List<Object> key = new ArrayList<>(t.key());
            if (stop || cancel.isCancelled()) {
                key.add(t.state());
                report.notAttempted(key, cancel.isCancelled());
                continue;
            }
            try {
                JobWriter.Cancelled cancelled = writer.cancel(t.scope(), t.nasJobsId());
                if (cancelled.job() != null) {
                    key.add(cancelled.job().getState().name());
                    report.done(key);
                } else {
                    key.add(t.state());
                    report.done(key, "cancelled (state not refreshed: " + cancelled.notRefreshed() + ")");
                }
            } catch (CancelledException e) {
                key.add(t.state());
                report.notAttempted(key, true);
            } catch (RuntimeException e) {
                if (targets.size() == 1) {
                    throw e;
                }
                key.add(t.state());
                report.failed(key, e);
                // An API error concerns its job only; any other failure stops the rest.
                stop = !(e instanceof ApiCallException);
            }
        }
        if (cancel.isCancelled()) {
            report.cancelled();
        }
        report.print(execution.printer());
        report.throwIfIncomplete(statement, "the jobs not cancelled go on as they were");
    }

    /** The {@code @name='value'} parameters, each required one present, no unknown one. */
    private static Map<String, String> params(String text, ResourceCatalog.Method method, Statement statement) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(text);
        int end = 0;
        while (p.find() && p.start() == end) {
            params.put(p.group(1), p.group(2) != null ? p.group(2).replace("''", "'") : p.group(3));
            end = p.end();
            while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                end++;
            }
        }
        String expected = String.join(", ", method.requiredParams().stream().map(x -> "@" + x).toList());
        if (end < text.trim().length()) {
            throw new StatementException("cannot read the parameters at '" + text.substring(end).trim() + "': write them as @name='value',"
                    + " separated by commas; " + method.name() + " takes " + expected, statement.position());
        }
        for (String name : params.keySet()) {
            if (!method.requiredParams().contains(name)) {
                throw new StatementException("unknown parameter @" + name + ": " + method.name() + " takes " + expected, statement.position());
            }
        }
        List<String> missing = method.requiredParams().stream().filter(x -> !params.containsKey(x)).toList();
        if (!missing.isEmpty()) {
            throw new StatementException("missing " + String.join(", ", missing.stream().map(x -> "@" + x).toList())
                    + ": " + method.name() + " takes " + expected, statement.position());
        }
        return params;
    }
}
