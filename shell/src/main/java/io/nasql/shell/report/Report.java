package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report: a SQL file whose header comment says what it answers, with {@code -- var: name = default}
 * lines for its variables, {@code -- chart: KIND ...} lines for the charts of its queries in HTML, and for a
 * report that prints at most {@code max_jobs} jobs a {@code -- count: SELECT COUNT(*) ...} line: the query that
 * counts all the jobs it would print without the cap (null when it has none).
 */
public record Report(String name, String description, Map<String, String> defaults, List<ChartSpec> charts, String count, String sql,
                     String source) {

    private static final Pattern VAR = Pattern.compile("^--\\s*var:\\s*([A-Za-z_][\\w.-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern COUNT = Pattern.compile("^--\\s*count:\\s*(.+?)\\s*$");

    /** The chart of the report's n-th query (from 0), or null. */
    ChartSpec chartFor(int query) {
        ChartSpec spec = query < charts.size() ? charts.get(query) : null;
        return spec == null || ChartSpec.NONE.equals(spec.kind()) ? null : spec;
    }

    static Report parse(String name, String sql, String source) {
        String description = null;
        Map<String, String> defaults = new LinkedHashMap<>();
        List<ChartSpec> charts = new ArrayList<>();
        String count = null;
        for (String line : sql.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("--")) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                break;
            }
            Matcher var = VAR.matcher(trimmed);
            Matcher counted = COUNT.matcher(trimmed);
            ChartSpec chart = ChartSpec.parse(trimmed);
            if (var.matches()) {
                defaults.put(var.group(1), var.group(2));
            } else if (counted.matches()) {
                count = counted.group(1);
            } else if (chart != null) {
                charts.add(chart);
            } else if (description == null) {
                description = trimmed.substring(2).trim();
            }
        }
        return new Report(name, description == null ? "(no description)" : description, defaults, List.copyOf(charts), count, sql, source);
    }
}
