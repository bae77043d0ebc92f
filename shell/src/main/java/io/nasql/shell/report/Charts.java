package io.nasql.shell.report;

import java.util.Locale;

/** The one place a chart kind picks its drawing, and what the drawings share: axes, labels, "no data". */
final class Charts {
    private Charts() {
    }

    static String render(ChartSpec spec, ResultTable result) {
        return switch (spec.kind()) {
            case "stacked-bar" -> StackedBarChart.render(spec, result);
            case "progress" -> ProgressChart.render(spec, result);
            case "trade-off" -> TradeOffChart.render(spec, result);
            case "compare" -> CompareChart.render(spec, result);
            default -> "<p class=\"note\">Unknown chart kind '" + Html.escape(spec.kind())
                    + "': use stacked-bar, progress, trade-off or compare.</p>\n";
        };
    }

    /** What a chart without data shows instead of empty axes. */
    static String noData(String message) {
        return "<p class=\"nodata\">" + Html.escape(message) + "</p>\n";
    }

    /**
     * The note a chart with nothing to draw adds when max_jobs left jobs out (from the rows' jobsPicked and
     * jobsMatching): older jobs may have what the ones picked lack.
     */
    static String leftOutHint(ResultTable result) {
        if (result.rows().isEmpty() || result.indexOf("jobsPicked") < 0 || result.indexOf("jobsMatching") < 0) {
            return "";
        }
        Double picked = result.number(result.rows().get(0), "jobsPicked");
        Double matching = result.number(result.rows().get(0), "jobsMatching");
        return picked != null && (matching == null || matching > picked)
                ? "<p class=\"note\">More jobs match than --var max_jobs (" + Html.number(picked) + ") lets in: raise it to see older ones.</p>\n"
                : "";
    }

    /** A metric's axis title: its id, a unit where the id names one, and which way is better. */
    static String metricLabel(String metric, String goal) {
        String id = metric == null ? "metric" : metric;
        String lower = id.toLowerCase(Locale.ROOT);
        String unit = lower.endsWith("_ms") ? "ms" : lower.endsWith("_s") || lower.endsWith("_sec") ? "s"
                : lower.endsWith("_mb") ? "MB" : lower.endsWith("_percent") || lower.endsWith("_pct") ? "%" : null;
        String direction = "MINIMIZE".equals(goal) ? "lower is better" : "MAXIMIZE".equals(goal) ? "higher is better" : null;
        StringBuilder label = new StringBuilder(id);
        if (unit != null || direction != null) {
            label.append(" (");
            if (unit != null) {
                label.append(unit).append(direction != null ? ", " : "");
            }
            if (direction != null) {
                label.append(direction);
            }
            label.append(')');
        }
        return label.toString();
    }

    /**
     * The room left of a plot for the y axis's tick labels: about 11 units a character, the width they
     * take at the larger text size of a narrow window (a label is a few characters, {@link Scale#label}).
     */
    static int leftMargin(Scale y) {
        return 14 + 11 * y.widestLabel();
    }

    /**
     * A chart's axis titles and legend are HTML around its drawing, so that they wrap and keep the page's
     * text size in a narrow window, where the drawing (and any text in it) scales down.
     */
    static String axisTitle(String cls, String text) {
        return "<p class=\"axis-title " + cls + "\">" + Html.escape(text) + "</p>\n";
    }

    /** A legend: each key a small drawing (the {@code <svg>} body) and its text. */
    static String legend(String... keysAndTexts) {
        StringBuilder html = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            html.append("<span><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"key\" viewBox=\"0 0 20 14\" width=\"20\" height=\"14\" aria-hidden=\"true\">")
                    .append(keysAndTexts[i]).append("</svg> ").append(Html.escape(keysAndTexts[i + 1])).append("</span>");
        }
        return html.append("</p>\n").toString();
    }

    /** Grid lines and tick labels of both axes around the plot area. */
    static void axes(Svg svg, Scale x, Scale y, double left, double right, double top, double bottom) {
        for (double t : y.ticks()) {
            double py = y.at(t);
            svg.line(left, py, right, py, "grid").text(left - 6, py + 4, "end", "tick", y.label(t));
        }
        for (double t : x.ticks()) {
            double px = x.at(t);
            svg.line(px, bottom, px, bottom + 5, "axis").text(px, bottom + 18, "middle", "tick", x.label(t));
        }
        svg.line(left, bottom, right, bottom, "axis").line(left, top, left, bottom, "axis");
    }
}
