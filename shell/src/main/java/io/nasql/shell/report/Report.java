package io.nasql.shell.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report: a SQL file whose header comment says what it answers, with {@code -- var: name = default}
 * lines for its variables and an optional {@code -- chart: stacked-bar x=.. series=.. value=..}.
 */
public record Report(String name, String description, Map<String, String> defaults, Chart chart, String sql, String source) {

    /** A stacked bar chart: one bar per x value, one segment per series value. */
    public record Chart(String x, String series, String value) {
    }

    private static final Pattern VAR = Pattern.compile("^--\\s*var:\\s*([A-Za-z_][\\w.-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern CHART = Pattern.compile("^--\\s*chart:\\s*stacked-bar\\s+x=(\\w+)\\s+series=(\\w+)\\s+value=(\\w+)\\s*$");

    static Report parse(String name, String sql, String source) {
        String description = null;
        Map<String, String> defaults = new LinkedHashMap<>();
        Chart chart = null;
        for (String line : sql.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("--")) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                break;
            }
            Matcher var = VAR.matcher(trimmed);
            Matcher bars = CHART.matcher(trimmed);
            if (var.matches()) {
                defaults.put(var.group(1), var.group(2));
            } else if (bars.matches()) {
                chart = new Chart(bars.group(1), bars.group(2), bars.group(3));
            } else if (description == null) {
                description = trimmed.substring(2).trim();
            }
        }
        return new Report(name, description == null ? "(no description)" : description, defaults, chart, sql, source);
    }
}
