package io.nasql.shell.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code REPORT name [var=value ...]} in the shell: a report in the session's output format. */
public final class ReportHandler implements Handler {
    private static final Pattern REPORT = Pattern.compile("^\\s*REPORT\\s+([\\w.-]+)((?:\\s+[\\w.-]+\\s*=\\s*(?:'[^']*'|\\S+))*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNMENT = Pattern.compile("([\\w.-]+)\\s*=\\s*(?:'([^']*)'|(\\S+))");

    private final Supplier<ReportCatalog> catalog;
    private final Map<String, JsonNode> variables;
    private final ReportRunner runner;

    /** The catalog is read when the first REPORT runs, not at start. */
    public ReportHandler(Supplier<ReportCatalog> catalog, Map<String, JsonNode> variables, ReportRunner runner) {
        this.catalog = catalog;
        this.variables = variables;
        this.runner = runner;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = REPORT.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write it as REPORT name [var=value ...]; `nasql report --list` names the reports", statement.position());
        }
        Map<String, JsonNode> vars = new LinkedHashMap<>(variables);
        Matcher a = ASSIGNMENT.matcher(m.group(2));
        while (a.find()) {
            vars.put(a.group(1), TextNode.valueOf(a.group(2) != null ? a.group(2) : a.group(3)));
        }
        Report report;
        try {
            report = catalog.get().find(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new StatementException(e.getMessage(), statement.position());
        }
        runner.print(report, vars, execution);
    }
}
