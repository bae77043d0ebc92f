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
