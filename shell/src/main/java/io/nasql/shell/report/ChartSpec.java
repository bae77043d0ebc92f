package io.nasql.shell.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's {@code -- chart: KIND name=COLUMN ...} line: which chart its query's result gets in HTML,
 * and which columns the chart reads (each has a default, so a query with the usual column names needs
 * none). {@code table=off} leaves the result's table out of the page. The n-th chart line goes with
 * the report's n-th query; {@code -- chart: none} gives a query none.
 */
public record ChartSpec(String kind, Map<String, String> params) {
    public static final String NONE = "none";

    private static final Pattern LINE = Pattern.compile("^--\\s*chart:\\s*([\\w-]+)((?:\\s+\\w+=[\\w.-]+)*)\\s*$");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=([\\w.-]+)");

    /** The spec of a {@code -- chart:} line, or null when the line is not one. */
    static ChartSpec parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher p = PARAM.matcher(m.group(2));
        while (p.find()) {
            params.put(p.group(1), p.group(2));
        }
        return new ChartSpec(m.group(1), params);
    }

    /** The column (or setting) named {@code name}, or its default. */
    String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }

    boolean showsTable() {
        return !"off".equals(params.get("table"));
    }
}
