package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * trade-off: per job that records two metrics, a scatter of its trials (the other metric across, the
 * job's metric up) with the Pareto front drawn and listed; a job with one metric gets one line instead.
 */
final class TradeOffChart {
    static final int MAX_JOBS = 40;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 290;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;

    private TradeOffChart() {
    }

    private record Trial(String id, double metric, double other, boolean front) {
    }

    static String render(ChartSpec spec, ResultTable result) {
        Map<String, List<List<Object>>> jobs = result.byJob();
        if (jobs.isEmpty()) {
            return Charts.noData("No trials to draw: no started job matches.");
        }
        StringBuilder charts = new StringBuilder();
        StringBuilder single = new StringBuilder();
        int drawn = 0;
        int notDrawn = 0;
        for (Map.Entry<String, List<List<Object>>> job : jobs.entrySet()) {
            List<List<Object>> rows = job.getValue();
            List<Trial> trials = new ArrayList<>();
            for (List<Object> row : rows) {
                Double metric = result.number(row, spec.param("y", "metricValue"));
                Double other = result.number(row, spec.param("x", "otherValue"));
                if (metric != null && other != null) {
                    trials.add(new Trial(result.text(row, spec.param("id", "trialId")), metric, other,
                            "true".equalsIgnoreCase(result.text(row, spec.param("front", "onFront")))));
                }
            }
            String metricId = result.text(rows.get(0), spec.param("metric", "metricId"));
            if (result.text(rows.get(0), spec.param("id", "trialId")) == null) {
                // A job without finished trials of the type asked for: its one row has none.
                single.append("<li>").append(Html.escape(result.jobTitle(rows.get(0)))).append(": no finished trial with a value yet.</li>\n");
                continue;
            }
            if (trials.isEmpty()) {
                single.append("<li>").append(Html.escape(result.jobTitle(rows.get(0)))).append(": one metric only (")
                        .append(Html.escape(String.valueOf(metricId))).append("), no trade-off to draw.</li>\n");
                continue;
            }
            if (drawn++ >= MAX_JOBS) {
                notDrawn++;
                continue;
            }
            List<Object> first = rows.stream().filter(r -> result.number(r, spec.param("x", "otherValue")) != null).findFirst().orElseThrow();
            String otherId = result.text(first, spec.param("otherMetric", "otherMetricId"));
            charts.append("<figure class=\"chart trade-off\" data-job=\"").append(Html.escape(job.getKey())).append("\">\n<figcaption>")
                    .append(Html.escape(result.jobTitle(rows.get(0)))).append("</figcaption>\n")
                    .append(Charts.axisTitle("y", "\u2191 " + Charts.metricLabel(metricId, result.text(first, spec.param("goal", "goal")))))
                    .append(svg(trials, metricId, otherId))
                    .append(Charts.axisTitle("x", Charts.metricLabel(otherId, result.text(first, spec.param("otherGoal", "otherGoal"))) + " \u2192"))
                    .append(Charts.legend("<circle cx=\"10\" cy=\"7\" r=\"3.5\" class=\"key other\"/>", "trial",
                            "<circle cx=\"10\" cy=\"7\" r=\"5\" class=\"key front\"/>", "on the Pareto front"))
                    .append(frontTable(trials, metricId, otherId))
                    .append("</figure>\n");
        }
        if (notDrawn > 0) {
            charts.append("<p class=\"note\">").append(notDrawn)
                    .append(" more jobs are not drawn: narrow the report with --var job=ID or --var project=ID.</p>\n");
        }
        if (drawn == 0) {
            charts.append(Charts.leftOutHint(result));
        }
        if (!single.isEmpty()) {
            charts.append("<ul class=\"single\">\n").append(single).append("</ul>\n");
        }
        return charts.toString();
    }

    private static String svg(List<Trial> trials, String metricId, String otherId) {
        Scale y = Scale.padded(trials.stream().mapToDouble(Trial::metric).min().orElse(0), trials.stream().mapToDouble(Trial::metric).max().orElse(1),
                HEIGHT - BOTTOM, TOP, 5);
        int left = Charts.leftMargin(y);
        Scale x = Scale.padded(trials.stream().mapToDouble(Trial::other).min().orElse(0), trials.stream().mapToDouble(Trial::other).max().orElse(1),
                left, WIDTH - RIGHT, 6);
        Svg svg = new Svg(WIDTH, HEIGHT, "trade-off", metricId + " against " + otherId + ", one point per trial");
        Charts.axes(svg, x, y, left, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        List<double[]> line = new ArrayList<>();
        trials.stream().filter(Trial::front).sorted(Comparator.comparingDouble(Trial::other))
                .forEach(t -> line.add(new double[] {x.at(t.other()), y.at(t.metric())}));
        svg.polyline(line, "front-line");
        for (Trial t : trials) {
            String title = "trial " + t.id() + ": " + Html.number(t.metric()) + " at " + Html.number(t.other()) + (t.front() ? " (on the front)" : "");
            svg.circle(x.at(t.other()), y.at(t.metric()), t.front() ? 5 : 3.5, t.front() ? "point front" : "point other", title);
        }
        return svg.toString();
    }

    private static String frontTable(List<Trial> trials, String metricId, String otherId) {
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table class=\"front\">\n<thead><tr><th>front trial</th><th>")
                .append(Html.escape(String.valueOf(metricId))).append("</th><th>").append(Html.escape(String.valueOf(otherId)))
                .append("</th></tr></thead>\n<tbody>\n");
        trials.stream().filter(Trial::front).sorted(Comparator.comparingDouble(Trial::other)).forEach(t -> html.append("<tr><td>")
                .append(Html.escape(String.valueOf(t.id()))).append("</td><td class=\"num\">").append(Html.number(t.metric()))
                .append("</td><td class=\"num\">").append(Html.number(t.other())).append("</td></tr>\n"));
        return html.append("</tbody>\n</table></div>\n").toString();
    }
}
