package io.nasql.shell.report;

import io.nasql.shell.output.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page (inline CSS and SVG, nothing fetched): a summary, a stacked bar
 * chart where the report declares one, and the rows. Every value from the inventory is escaped.
 */
final class HtmlReport {
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac"};
    private static final Map<String, String> STATE_COLORS = Map.of(
            "JOB_STATE_SUCCEEDED", "#59a14f", "JOB_STATE_FAILED", "#e15759", "JOB_STATE_RUNNING", "#4e79a7",
            "JOB_STATE_PENDING", "#edc948", "JOB_STATE_QUEUED", "#bab0ac", "JOB_STATE_CANCELLED", "#9c755f",
            "JOB_STATE_CANCELLING", "#ff9da7", "DELETED", "#79706e");
    private static final int MAX_BARS = 60;

    private HtmlReport() {
    }

    static String render(Report report, Map<String, String> summary, List<ResultTable> results) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>nasql report: ")
                .append(escape(report.name())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}h1{margin-bottom:.2em}")
                .append(".about{color:#555;margin-top:0}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}")
                .append("dt{font-weight:600}table{border-collapse:collapse;margin-top:1em;font-size:.9em}")
                .append("th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}td.num{text-align:right}td.null{color:#999}svg text{font-size:12px}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(report.name())).append("</h1>\n<p class=\"about\">")
                .append(escape(report.description())).append("</p>\n<dl>\n");
        summary.forEach((k, v) -> html.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v)).append("</dd>\n"));
        html.append("</dl>\n");
        for (ResultTable result : results) {
            if (report.chart() != null) {
                html.append(chart(report.chart(), result));
            }
            html.append(table(result));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String table(ResultTable result) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        for (Column c : result.columns()) {
            html.append("<th>").append(escape(c.label())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : result.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                if (v == null) {
                    html.append("<td class=\"null\">NULL</td>");
                } else {
                    html.append(result.columns().get(i).kind() == Column.Kind.NUMBER ? "<td class=\"num\">" : "<td>")
                            .append(escape(v.toString())).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n<p>").append(result.rows().size()).append(result.rows().size() == 1 ? " row" : " rows")
                .append("</p>\n").toString();
    }

    /** Horizontal stacked bars: a bar per x value (the first {@value MAX_BARS}), a segment per series value. */
    private static String chart(Report.Chart spec, ResultTable result) {
        int x = result.indexOf(spec.x());
        int series = result.indexOf(spec.series());
        int value = result.indexOf(spec.value());
        if (x < 0 || series < 0 || value < 0 || result.rows().isEmpty()) {
            return "";
        }
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        Set<String> seriesNames = new LinkedHashSet<>();
        for (List<Object> row : result.rows()) {
            String bar = String.valueOf(row.get(x));
            String s = String.valueOf(row.get(series));
            double v = row.get(value) instanceof Number n ? n.doubleValue() : 0;
            if (bars.size() >= MAX_BARS && !bars.containsKey(bar)) {
                continue;
            }
            bars.computeIfAbsent(bar, k -> new LinkedHashMap<>()).merge(s, v, Double::sum);
            seriesNames.add(s);
        }
        double max = bars.values().stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum()).max().orElse(1);
        int labelWidth = 180;
        int plotWidth = 560;
        int rowHeight = 22;
        int legendHeight = 22 * ((seriesNames.size() + 2) / 3);
        int height = bars.size() * rowHeight + legendHeight + 10;
        List<String> names = new ArrayList<>(seriesNames);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + plotWidth + 80).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(spec.value() + " by " + spec.x() + " and " + spec.series()))
                .append("\">\n");
        int y = 0;
        for (Map.Entry<String, Map<String, Double>> bar : bars.entrySet()) {
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(escape(bar.getKey())).append("</text>\n");
            double offset = 0;
            double total = 0;
            for (String s : names) {
                double v = bar.getValue().getOrDefault(s, 0.0);
                if (v <= 0) {
                    continue;
                }
                double w = v / max * plotWidth;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>%n",
                        labelWidth + offset, y + 3, w, rowHeight - 6, color(s, names.indexOf(s)),
                        escape(s + ": " + format(v))));
                offset += w;
                total += v;
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", labelWidth + offset + 4, y + 15, escape(format(total))));
            y += rowHeight;
        }
        y += 8;
        for (int i = 0; i < names.size(); i++) {
            int lx = (i % 3) * 260;
            int ly = y + (i / 3) * 22;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(color(names.get(i), i)).append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(ly + 11).append("\">")
                    .append(escape(names.get(i))).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String color(String series, int index) {
        return STATE_COLORS.getOrDefault(series, PALETTE[index % PALETTE.length]);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
