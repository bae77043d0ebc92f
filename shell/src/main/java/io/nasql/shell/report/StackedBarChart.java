package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Horizontal stacked bars: a bar per x value (the first {@value MAX_BARS}), a segment per series value, a legend. */
final class StackedBarChart {
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac"};
    private static final Map<String, String> STATE_COLORS = Map.of(
            "JOB_STATE_SUCCEEDED", "#59a14f", "JOB_STATE_FAILED", "#e15759", "JOB_STATE_RUNNING", "#4e79a7",
            "JOB_STATE_PENDING", "#edc948", "JOB_STATE_QUEUED", "#bab0ac", "JOB_STATE_CANCELLED", "#9c755f",
            "JOB_STATE_CANCELLING", "#ff9da7", "DELETED", "#79706e");
    static final int MAX_BARS = 60;
    private static final int WIDTH = 600;
    /** Room for a label above its bar at the larger text of a narrow window (20 units). */
    private static final int ROW = 46;
    private static final int LEGEND_ROW = 26;
    /** Characters of a legend entry, so that it stays in its half of the 600 units at the narrow text size. */
    private static final int LEGEND_CHARS = 21;
    private static final int VALUE_ROOM = 56;

    private StackedBarChart() {
    }

    static String render(ChartSpec spec, ResultTable result) {
        int x = result.indexOf(spec.param("x", "x"));
        int series = result.indexOf(spec.param("series", "series"));
        int value = result.indexOf(spec.param("value", "value"));
        if (x < 0 || series < 0 || value < 0) {
            return "<p class=\"note\">The chart names columns the result does not have.</p>\n";
        }
        if (result.rows().isEmpty()) {
            return Charts.noData("No rows: nothing to draw.");
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
        List<String> names = new ArrayList<>(seriesNames);
        int legendRows = (names.size() + 1) / 2;
        int height = bars.size() * ROW + 12 + legendRows * LEGEND_ROW;
        Svg svg = new Svg(WIDTH, height, "stacked-bar", spec.param("value", "value") + " by " + spec.param("x", "x") + " and "
                + spec.param("series", "series"));
        double plot = WIDTH - VALUE_ROOM;
        int y = 0;
        for (Map.Entry<String, Map<String, Double>> bar : bars.entrySet()) {
            svg.text(0, y + 16, "start", "bar-label", bar.getKey());
            double offset = 0;
            double total = 0;
            for (String s : names) {
                double v = bar.getValue().getOrDefault(s, 0.0);
                if (v <= 0) {
                    continue;
                }
                double w = v / max * plot;
                svg.rect(offset, y + 22, w, 16, "segment", color(s, names.indexOf(s)), s + ": " + Html.number(v));
                offset += w;
                total += v;
            }
            svg.text(offset + 4, y + 36, "start", "bar-value", Html.number(total));
            y += ROW;
        }
        y += 12;
        for (int i = 0; i < names.size(); i++) {
            int lx = (i % 2) * 300;
            int ly = y + (i / 2) * LEGEND_ROW;
            // The full name as the entry's tooltip, as a cut one may not tell two series apart.
            svg.rect(lx, ly, 12, 12, "key", color(names.get(i), i), null)
                    .text(lx + 18, ly + 11, "start", "legend", Html.shorten(names.get(i), LEGEND_CHARS), names.get(i));
        }
        return svg.toString();
    }

    private static String color(String series, int index) {
        return STATE_COLORS.getOrDefault(series, PALETTE[index % PALETTE.length]);
    }
}
