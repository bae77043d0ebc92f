package io.nasql.shell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nasql.db.Backend;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.output.JdbcRows;
import io.nasql.shell.statement.AfterResults;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.SqlErrors;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEffects;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementSplitter;
import io.nasql.shell.statement.RoutedStatement;
import io.nasql.shell.statement.TemplateRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a report: its variables filled (given values over its defaults), each query run by the
 * query handler and printed, or gathered for HTML. A report is queries only: a statement that
 * could write (DELETE, UPDATE, SET ...) is refused before any statement runs.
 */
public final class ReportRunner {
    private final Handler queries;
    private final InventoryAccess inventory;
    private final Clock clock;
    private final PrintWriter notices;

    /** Notices: where a report cut short by max_jobs says so, beside its results. */
    public ReportRunner(Handler queries, InventoryAccess inventory, Clock clock, PrintWriter notices) {
        this.queries = queries;
        this.inventory = inventory;
        this.clock = clock;
        this.notices = notices;
    }

    /** Prints the report's results in the session's output format, and on stderr whether max_jobs left jobs out. */
    public void print(Report report, Map<String, JsonNode> given, Execution execution) throws Exception {
        for (Statement statement : statements(report, given, inventory.backend())) {
            queries.run(statement, execution);
        }
        if (execution.cancel().isCancelled()) {
            return;
        }
        JobCap cap = JobCap.of(report, vars(report, given), inventory);
        if (cap != null && cap.leftSomeOut() && !execution.cancel().isCancelled()) {
            if (execution.out() instanceof AfterResults held) {
                // The shell shows it below the table, not above it or inside the pager.
                held.afterResults(cap.notice());
                return;
            }
            execution.out().flush();
            notices.println(cap.notice());
            notices.flush();
        }
    }

    /** Writes the report as one self-contained HTML page. */
    public void html(Report report, Map<String, JsonNode> given, Writer out) throws IOException {
        List<ResultTable> results = new ArrayList<>();
        for (Statement statement : statements(report, given, inventory.backend())) {
            results.add(gather(statement));
        }
        JobCap cap = JobCap.of(report, vars(report, given), inventory);
        out.write(HtmlReport.render(report, summary(report, given, results, cap), results));
        out.flush();
    }

    /** The report's variables: the given over its defaults. */
    private static Map<String, JsonNode> vars(Report report, Map<String, JsonNode> given) {
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        report.defaults().forEach((k, v) -> vars.put(k, TextNode.valueOf(v)));
        vars.putAll(given);
        return vars;
    }

    private static List<Statement> statements(Report report, Map<String, JsonNode> given, Backend dialect) {
        TemplateRenderer templates = new TemplateRenderer(vars(report, given));
        List<Statement> statements = StatementSplitter.split(report.sql(), report.source(), dialect).stream().map(templates::render).toList();
        // Checked before the first runs: a report that would write runs nothing.
        for (Statement statement : statements) {
            if (!StatementEffects.isQuery(statement.text(), dialect)) {
                throw new StatementException("a report runs only queries (SELECT, WITH, VALUES, SHOW, TABLE), not "
                        + StatementEffects.verb(statement.text(), dialect) + "; run writes with -f or in the shell", statement.position());
            }
        }
        return statements;
    }

    private ResultTable gather(Statement statement) {
        try (RoutedStatement routed = RoutedStatement.prepare(inventory.connection(), statement.text(), statement.dialect());
             ResultSet rs = routed.executeQuery();
             JdbcRows rows = new JdbcRows(rs)) {
            List<List<Object>> data = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < rows.columns().size(); i++) {
                    row.add(rows.value(i));
                }
                data.add(row);
            }
            return new ResultTable(rows.columns(), data);
        } catch (SQLException e) {
            throw SqlErrors.of(e, statement);
        }
    }

    private Map<String, String> summary(Report report, Map<String, JsonNode> given, List<ResultTable> results, JobCap cap) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Generated", clock.instant().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        try (java.sql.Statement jdbc = inventory.connection().createStatement()) {
            // Two plain statements, not one SELECT of scalar subqueries: H2 answers a plain COUNT(*) from the
            // table's size, but inside a subquery it read all 500,000 jobs (3.8 s of every HTML report, issue 14).
            long jobs = single(jdbc, "SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries").getLong(1);
            // Projects counted over the scopes, not the jobs: a distinct count over 500,000 jobs took 2 s (issue 14).
            ResultSet scopes = single(jdbc, "SELECT COUNT(DISTINCT \"projectsId\"), COUNT(*),"
                    + " COUNT(CASE WHEN \"status\" <> 'OK' THEN 1 END), MAX(\"lastSuccessAt\") FROM google.aiplatform.sync_scopes");
            summary.put("Inventory", jobs + " jobs; " + scopes.getLong(2) + " scopes of " + scopes.getLong(1) + " projects synced, "
                    + scopes.getLong(3) + " failed or denied");
            summary.put("Last sync", scopes.getString(4) == null ? "never" : scopes.getObject(4, java.time.OffsetDateTime.class).toString());
        } catch (SQLException e) {
            summary.put("Inventory", "unreadable: " + io.nasql.db.Secrets.mask(e.getMessage()));
        }
        Map<String, String> vars = new LinkedHashMap<>(report.defaults());
        given.forEach((k, v) -> vars.put(k, v.asText()));
        if (!vars.isEmpty()) {
            // An empty value shown as '' (as in "job = ''"), not as nothing after the "=".
            summary.put("Variables", String.join(", ", vars.entrySet().stream()
                    .map(e -> e.getKey() + " = " + (e.getValue().isEmpty() ? "''" : e.getValue())).toList()));
        }
        String jobs = cap != null ? cap.jobsLine() : pickedJobs(results);
        if (jobs != null) {
            summary.put("Jobs", jobs);
        }
        summary.put("Rows", String.valueOf(results.stream().mapToInt(r -> r.rows().size()).sum()));
        summary.put("Source", report.source());
        return summary;
    }

    /** How far search-progress and trade-off count the jobs of one project that match (their LIMIT is one more). */
    static final long MATCHING_COUNTED = 10_000;

    /**
     * What a report that picks at most max_jobs jobs says of them, from its jobsPicked and jobsMatching columns
     * (jobsMatching is null when the jobs were too many to count): so that a cap never drops jobs unsaid.
     */
    private static String pickedJobs(List<ResultTable> results) {
        for (ResultTable result : results) {
            if (result.rows().isEmpty() || result.indexOf("jobsPicked") < 0 || result.indexOf("jobsMatching") < 0) {
                continue;
            }
            Double picked = result.number(result.rows().get(0), "jobsPicked");
            Double matching = result.number(result.rows().get(0), "jobsMatching");
            if (picked == null) {
                continue;
            }
            long n = picked.longValue();
            if (matching != null && matching <= picked) {
                return n == 1 ? "the 1 job that matches" : "all " + n + " jobs that match";
            }
            String others = ": narrow the report with its --var filters or raise --var max_jobs to see the others";
            if (matching == null) {
                return "showing the " + n + " created last of more jobs that match" + others;
            }
            // The reports count the matching jobs up to one more than this, not beyond.
            String of = matching > MATCHING_COUNTED ? "more than " + String.format(java.util.Locale.ROOT, "%,d", MATCHING_COUNTED)
                    : String.valueOf(matching.longValue());
            return "showing " + n + " of " + of + " jobs that match, the ones created last" + others;
        }
        return null;
    }

    /** The one row of an aggregate query; the statement's next query closes it. */
    private static ResultSet single(java.sql.Statement jdbc, String sql) throws SQLException {
        ResultSet rs = jdbc.executeQuery(sql);
        rs.next();
        return rs;
    }
}
