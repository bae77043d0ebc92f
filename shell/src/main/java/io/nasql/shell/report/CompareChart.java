package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compare: jobs side by side, a bar per job for its best value, one chart per metric (values of
 * different metrics do not compare): the job above its bar, its trials, failed share and hours below.
 */
final class CompareChart {
    static final int MAX_BARS = 60;
    private static final int WIDTH = 600;
    /** A row has room for its three lines at the larger text of a narrow window (20 units), where 13 would touch. */
    private static final int ROW = 70;
    private static final int TOP = 8;
    private static final int AXIS = 30;
    /** Room right of the longest bar for its value ("0.8838": ~80 units at the narrow window's text size). */
    private static final int VALUE_ROOM = 88;
    /** Characters of a display name beside the job id, so that the label fits 600 units at the narrow text size. */
    private static final int NAME_CHARS = 26;

    private CompareChart() {
    }

    static String render(ChartSpec spec, ResultTable result) {
        if (result.rows().isEmpty()) {
            return Charts.noData("No jobs to compare: none with trials matches jobs= or label=.");
        }
        String metricColumn = spec.param("metric", "metricId");
        String goalColumn = spec.param("goal", "goal");
        Map<String, List<List<Object>>> byMetric = new LinkedHashMap<>();
        List<String> withoutTrials = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            String trialsColumn = spec.param("trials", "trials");
            Double trials = result.indexOf(trialsColumn) < 0 ? null : result.number(row, trialsColumn);
            if (result.text(row, metricColumn) == null && result.text(row, goalColumn) == null && (trials == null || trials == 0)) {
                // A job without trials: its one row has no metric and counts none (trials without a metric are drawn).
                withoutTrials.add(result.text(row, "nasJobsId"));
                continue;
            }
            byMetric.computeIfAbsent(result.text(row, metricColumn) + "\u0000" + result.text(row, goalColumn), k -> new ArrayList<>()).add(row);
        }
        StringBuilder html = new StringBuilder();
        for (List<List<Object>> rows : byMetric.values()) {
            String metric = result.text(rows.get(0), metricColumn);
            String label = Charts.metricLabel(metric, result.text(rows.get(0), goalColumn));
            html.append("<figure class=\"chart compare\">\n<figcaption>Best ").append(Html.escape(label)).append(", per job</figcaption>\n");
            List<List<Object>> withValue = rows.stream().filter(r -> result.number(r, spec.param("value", "bestValue")) != null).toList();
            if (withValue.isEmpty()) {
                html.append(Charts.noData("No job has a value of this metric yet."));
            } else {
                html.append(svg(spec, result, withValue.subList(0, Math.min(MAX_BARS, withValue.size())), label));
            }
            if (withValue.size() > MAX_BARS) {
                html.append("<p class=\"note\">").append(withValue.size() - MAX_BARS)
                        .append(" more jobs are not drawn: name the jobs with --var jobs=a,b,c or --var label=key:value.</p>\n");
            }
            html.append("</figure>\n");
        }
        if (byMetric.isEmpty()) {
            html.append(Charts.noData("No jobs to compare: the jobs picked have no trials yet.")).append(Charts.leftOutHint(result));
        }
        if (!withoutTrials.isEmpty()) {
            html.append("<p class=\"note\">").append(withoutTrials.size()).append(withoutTrials.size() == 1 ? " job has" : " jobs have")
                    .append(" no trials yet: ").append(Html.escape(String.join(", ", withoutTrials))).append(".</p>\n");
        }
        return html.toString();
    }

    private static String svg(ChartSpec spec, ResultTable result, List<List<Object>> rows, String label) {
        String valueColumn = spec.param("value", "bestValue");
        double max = rows.stream().mapToDouble(r -> result.number(r, valueColumn)).max().orElse(1);
        double min = rows.stream().mapToDouble(r -> result.number(r, valueColumn)).min().orElse(0);
        Scale x = Scale.of(Math.min(0, min), Math.max(0, max), 0, WIDTH - VALUE_ROOM, 5);
        int height = TOP + rows.size() * ROW + AXIS;
        Svg svg = new Svg(WIDTH, height, "compare", "best " + label + " per job");
        double bottom = TOP + rows.size() * ROW;
        for (double t : x.ticks()) {
            svg.line(x.at(t), TOP, x.at(t), bottom, "grid").text(x.at(t), bottom + 16, t == x.ticks().get(0) ? "start" : "middle", "tick", x.label(t));
        }
        double y = TOP;
        for (List<Object> row : rows) {
            double value = result.number(row, valueColumn);
            String title = result.jobTitle(row);
            svg.text(0, y + 18, "start", "bar-label", Html.shorten(String.valueOf(result.text(row, "displayName")), NAME_CHARS) + " \u00b7 "
                    + result.text(row, "nasJobsId"));
            double zero = x.at(0);
            double end = x.at(value);
            svg.rect(Math.min(zero, end), y + 25, Math.abs(end - zero), 14, "bar", null, title + ": best " + Html.number(value));
            svg.text(Math.max(zero, end) + 4, y + 38, "start", "bar-value", Html.number(value));
            svg.text(0, y + 60, "start", "bar-note", note(spec, result, row));
            y += ROW;
        }
        svg.line(x.at(0), TOP, x.at(0), bottom, "axis");
        return svg.toString();
    }

    /** Trials, failed share and running hours of a job, as far as the result has them. */
    private static String note(ChartSpec spec, ResultTable result, List<Object> row) {
        List<String> parts = new ArrayList<>();
        Double trials = result.number(row, spec.param("trials", "trials"));
        Double failed = result.number(row, spec.param("failed", "failedPercent"));
        Double hours = result.number(row, spec.param("hours", "runningHours"));
        if (trials != null) {
            parts.add(Html.number(trials) + (trials == 1 ? " trial" : " trials"));
        }
        if (failed != null) {
            parts.add(Html.number(failed) + "% failed");
        }
        if (hours != null) {
            parts.add(Html.number(hours) + " h");
        }
        return String.join(" \u00b7 ", parts);
    }
}
