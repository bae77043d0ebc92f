package io.nasql.shell.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.Backend;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.statement.RoutedStatement;
import io.nasql.shell.statement.SqlErrors;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEffects;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.TemplateRenderer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * A report that prints a row per job prints at most {@code max_jobs} of them; its {@code -- count:} query counts all
 * it would print without that cap (cheaply: from an index), so that the cap never leaves jobs out unsaid.
 *
 * @param report the report's name
 * @param cap    max_jobs as given
 * @param total  all the jobs the report would print without the cap
 */
record JobCap(String report, long cap, long total) {

    /** The report's count, run after its queries (which refuse a max_jobs that is no whole number from 1); null when it has none. */
    static JobCap of(Report report, Map<String, JsonNode> vars, InventoryAccess inventory) {
        JsonNode maxJobs = vars.get("max_jobs");
        if (report.count() == null || maxJobs == null) {
            return null;
        }
        long cap;
        try {
            // As the report's SQL read it: 1000, +1000, 1000.0 and 1e3 are all a thousand.
            cap = new BigDecimal(maxJobs.asText().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        Backend dialect = inventory.backend();
        Statement count = new TemplateRenderer(vars).render(new Statement(report.count(), report.source(), 1, 1, dialect));
        if (!StatementEffects.isQuery(count.text(), dialect)) {
            throw new StatementException("a report's count is a query (SELECT COUNT(*) ...), not "
                    + StatementEffects.verb(count.text(), dialect), count.position());
        }
        try (RoutedStatement routed = RoutedStatement.prepare(inventory.connection(), count.text(), dialect);
             ResultSet rs = routed.executeQuery()) {
            return new JobCap(report.name(), cap, rs.next() ? rs.getLong(1) : 0);
        } catch (SQLException e) {
            throw SqlErrors.of(e, count);
        }
    }

    /** How many the report printed. */
    long shown() {
        return Math.min(cap, total);
    }

    boolean leftSomeOut() {
        return total > cap;
    }

    /** The one line on stderr beside a csv, text or json report that the cap cut short. */
    String notice() {
        return "report " + report + ": " + grouped(shown()) + " of " + grouped(total) + " jobs shown; --var max_jobs=N shows more";
    }

    /** The page summary's Jobs line. */
    String jobsLine() {
        if (!leftSomeOut()) {
            return total == 1 ? "the 1 job" : "all " + grouped(total) + " jobs";
        }
        return "showing " + grouped(shown()) + " of " + grouped(total) + " jobs, the first in the report's order:"
                + " raise --var max_jobs to see the others";
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
