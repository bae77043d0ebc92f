package io.nasql.shell.report;

import io.nasql.shell.output.Column;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page (inline CSS and SVG, nothing fetched, no script): a summary, then per
 * query the chart its report declares and its rows. Every value from the inventory is escaped; the
 * charts scale down to a narrow window and wide tables scroll in theirs.
 */
final class HtmlReport {
    /** The size of text in a chart in a narrow window, in the drawing's units (which the window scales by ~0.57 at 360 px). */
    static final int NARROW_TEXT = 20;

    private static final String STYLE = String.join("",
            "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:72em}h1{margin-bottom:.2em}",
            ".about{color:#555;margin-top:0}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}",
            "dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}.scroll{overflow-x:auto}",
            "table{border-collapse:collapse;margin-top:1em;font-size:.9em}",
            "th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}",
            "th{background:#f3f3f3}td.num{text-align:right}td.null{color:#999}",
            "figure{margin:1.5em 0;max-width:600px}figcaption{font-weight:600;margin-bottom:.3em;overflow-wrap:anywhere}",
            "svg{display:block;max-width:100%;height:auto}svg text{font-size:13px;fill:#333}",
            "svg .tick{font-size:12px;fill:#555}svg .bar-note{font-size:12px;fill:#555}",
            "p.axis-title{margin:.2em 0;font-size:.9em;color:#222}p.axis-title.x{text-align:center}",
            "p.legend{margin:.3em 0;font-size:.85em;color:#555}p.legend span{white-space:nowrap;margin-right:1.2em}",
            "svg.key{display:inline;vertical-align:middle}",
            ".grid{stroke:#e6e6e6}.axis{stroke:#777}.bar{fill:#4e79a7}",
            ".point.search,.key.search{fill:#4e79a7}.point.train,.key.train{fill:#f28e2b;stroke:#fff;stroke-width:1}",
            ".running-best,.key.running-best{fill:none;stroke:#59a14f;stroke-width:2}",
            ".point.other,.key.other{fill:#a7b9d1}.point.front,.key.front{fill:#e15759;stroke:#fff;stroke-width:1}",
            ".front-line{fill:none;stroke:#e15759;stroke-width:1.5;stroke-dasharray:4 3}",
            ".nodata{padding:1em;border:1px dashed #bbb;color:#555;max-width:560px}.note,.counts{color:#555}",
            ".failed,.key.failed{stroke:#e15759;stroke-width:2}ul.single{color:#555;padding-left:1.2em}",
            // A 600-unit drawing scales down with a narrow window (to ~0.57 at 360 px): the text left in it grows
            // so that it is still ~11 px there, and the marks of the points grow about their centres so that they
            // are not specks (seen in Chromium at 360 px); axis titles and legends are HTML and keep the page's size.
            "@media (max-width:640px){body{margin:.6em}svg text{font-size:",
            NARROW_TEXT + "px}svg .tick,svg .bar-note,svg .legend{font-size:" + NARROW_TEXT + "px}",
            "svg[role=img] .point,svg[role=img] path.failed{transform-box:fill-box;transform-origin:center;transform:scale(1.6)}}");

    private HtmlReport() {
    }

    static String render(Report report, Map<String, String> summary, List<ResultTable> results) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>nasql report: ")
                .append(Html.escape(report.name())).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(report.name())).append("</h1>\n<p class=\"about\">")
                .append(Html.escape(report.description())).append("</p>\n<dl>\n");
        summary.forEach((k, v) -> html.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v)).append("</dd>\n"));
        html.append("</dl>\n");
        for (int i = 0; i < results.size(); i++) {
            ChartSpec chart = report.chartFor(i);
            if (chart != null) {
                html.append(Charts.render(chart, results.get(i)));
            }
            if (chart == null || chart.showsTable()) {
                html.append(table(results.get(i)));
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String table(ResultTable result) {
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table>\n<thead><tr>");
        for (Column c : result.columns()) {
            html.append("<th>").append(Html.escape(c.label())).append("</th>");
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
                            .append(Html.escape(v.toString())).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table></div>\n<p>").append(result.rows().size()).append(result.rows().size() == 1 ? " row" : " rows")
                .append("</p>\n").toString();
    }
}
