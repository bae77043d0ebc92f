package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * search-progress: per job, the final metric of every trial in trial order (search trials as circles,
 * train trials as diamonds), the running best of the search as a step line, the failed and unfinished
 * trials counted under the chart.
 */
final class ProgressChart {
    static final int MAX_JOBS = 40;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 280;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;

    private ProgressChart() {
    }

    static String render(ChartSpec spec, ResultTable result) {
        Map<String, List<List<Object>>> jobs = result.byJob();
        if (jobs.isEmpty()) {
            return Charts.noData("No trials to draw: no started job matches.");
        }
        StringBuilder html = new StringBuilder();
        if (jobs.values().stream().allMatch(rows -> result.text(rows.get(0), spec.param("x", "trialId")) == null)) {
            html.append(Charts.leftOutHint(result));
        }
        int drawn = 0;
        for (Map.Entry<String, List<List<Object>>> job : jobs.entrySet()) {
            if (drawn++ == MAX_JOBS) {
                html.append("<p class=\"note\">").append(jobs.size() - MAX_JOBS)
                        .append(" more jobs are not drawn: narrow the report with --var job=ID or --var project=ID.</p>\n");
                break;
            }
            html.append(figure(spec, result, job.getKey(), job.getValue()));
        }
        return html.toString();
    }

    private record Point(double trial, double value, Double best, String type, String id) {
    }

    /** A trial that failed, marked with a cross on the trial axis. */
    private record Failure(double trial, String type, String id) {
    }

    private static String figure(ChartSpec spec, ResultTable result, String key, List<List<Object>> rows) {
        String type = spec.param("type", "trialType");
        String valueColumn = spec.param("y", "metricValue");
        String bestColumn = spec.param("best", "runningBest");
        String metric = result.text(rows.get(0), spec.param("metric", "metricId"));
        String goal = result.text(rows.get(0), spec.param("goal", "goal"));
        List<Point> points = new ArrayList<>();
        List<Point> bests = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        int failed = 0;
        int unfinished = 0;
        int notNumeric = 0;
        int searchTrials = 0;
        int ordinal = 0;
        for (List<Object> row : rows) {
            ordinal++;
            String id = result.text(row, spec.param("x", "trialId"));
            if (id == null && result.text(row, type) == null) {
                continue; // a job without trials: its one row has none
            }
            String trialType = result.text(row, type);
            String state = result.text(row, spec.param("state", "state"));
            Double trial = id == null ? null : parse(id);
            double x = trial == null ? ordinal : trial;
            Double value = result.number(row, valueColumn);
            Double best = result.number(row, bestColumn);
            if ("INFEASIBLE".equals(state) || "FAILED".equals(state)) {
                failed++;
                failures.add(new Failure(x, trialType, id));
            } else if (value == null && result.text(row, valueColumn) != null) {
                notNumeric++;
            } else if (value == null) {
                unfinished++;
            }
            if (value != null) {
                points.add(new Point(x, value, best, trialType, id));
                searchTrials += "train".equals(trialType) ? 0 : 1;
            }
            if (best != null && !"train".equals(trialType)) {
                bests.add(new Point(x, best, best, trialType, id));
            }
        }
        StringBuilder html = new StringBuilder("<figure class=\"chart progress\" data-job=\"").append(Html.escape(key)).append("\">\n<figcaption>")
                .append(Html.escape(result.jobTitle(rows.get(0)))).append("</figcaption>\n");
        if (points.isEmpty()) {
            html.append(Charts.noData(rows.size() == 1 && result.text(rows.get(0), type) == null
                    ? "No trials yet." : "No finished trial with a value yet."));
        } else {
            html.append(Charts.axisTitle("y", "\u2191 " + Charts.metricLabel(metric, goal))).append(svg(points, bests, failures, metric))
                    .append(Charts.axisTitle("x", "trial id (the order the search ran them in) \u2192"))
                    .append(Charts.legend("<circle cx=\"10\" cy=\"7\" r=\"3.5\" class=\"key search\"/>", "search trial",
                            "<path d=\"M10,1.5 L15.5,7 L10,12.5 L4.5,7 Z\" class=\"key train\"/>", "train trial",
                            "<path d=\"M6,3 L14,11 M6,11 L14,3\" class=\"key failed\"/>", "failed",
                            "<line x1=\"0\" y1=\"7\" x2=\"20\" y2=\"7\" class=\"key running-best\"/>", "running best"));
        }
        int train = points.size() - searchTrials;
        html.append("<p class=\"counts\">").append(searchTrials).append(searchTrials == 1 ? " search trial" : " search trials")
                .append(" with a value, ").append(train).append(train == 1 ? " train trial" : " train trials").append("; <strong>")
                .append(failed).append(" failed</strong>");
        if (unfinished > 0) {
            html.append(", ").append(unfinished).append(" not finished");
        }
        if (notNumeric > 0) {
            html.append(", ").append(notNumeric).append(" without a numeric value (NaN)");
        }
        html.append('.');
        Point best = best(points, goal);
        if (best != null) {
            html.append(" Best ").append(Html.escape(metric == null ? "value" : metric)).append(": ").append(Html.number(best.value()))
                    .append(" (").append(Html.escape(best.type() + " trial " + best.id())).append(").");
        }
        return html.append("</p>\n</figure>\n").toString();
    }

    private static String svg(List<Point> points, List<Point> bests, List<Failure> failures, String metric) {
        double minX = Math.min(points.stream().mapToDouble(Point::trial).min().orElse(0), failures.stream().mapToDouble(Failure::trial).min().orElse(1));
        double maxX = Math.max(points.stream().mapToDouble(Point::trial).max().orElse(1), failures.stream().mapToDouble(Failure::trial).max().orElse(0));
        double minY = points.stream().mapToDouble(Point::value).min().orElse(0);
        double maxY = points.stream().mapToDouble(Point::value).max().orElse(1);
        Scale y = Scale.padded(minY, maxY, HEIGHT - BOTTOM, TOP, 5);
        int left = Charts.leftMargin(y);
        Scale x = Scale.of(Math.min(minX, 1), maxX, left, WIDTH - RIGHT, 6);
        Svg svg = new Svg(WIDTH, HEIGHT, "progress", (metric == null ? "metric" : metric) + " of each trial in trial order");
        Charts.axes(svg, x, y, left, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        List<double[]> steps = new ArrayList<>();
        for (int i = 0; i < bests.size(); i++) {
            double px = x.at(bests.get(i).trial());
            double py = y.at(bests.get(i).value());
            if (i > 0) {
                steps.add(new double[] {px, steps.get(steps.size() - 1)[1]});
            }
            steps.add(new double[] {px, py});
        }
        svg.polyline(steps, "running-best");
        for (Point p : points) {
            String title = p.type() + " trial " + p.id() + ": " + Html.number(p.value());
            if ("train".equals(p.type())) {
                svg.diamond(x.at(p.trial()), y.at(p.value()), 5.5, "point train", title);
            } else {
                svg.circle(x.at(p.trial()), y.at(p.value()), 3.5, "point search", title);
            }
        }
        double axis = HEIGHT - BOTTOM;
        for (Failure f : failures) {
            cross(svg, x.at(f.trial()), axis - 7, f.type() + " trial " + f.id() + " failed");
        }
        return svg.toString();
    }

    /** A small red cross; with a title, one the tests count as a failed trial. */
    private static void cross(Svg svg, double cx, double cy, String title) {
        svg.path("M" + Svg.num(cx - 4) + "," + Svg.num(cy - 4) + " L" + Svg.num(cx + 4) + "," + Svg.num(cy + 4) + " M" + Svg.num(cx - 4) + ","
                + Svg.num(cy + 4) + " L" + Svg.num(cx + 4) + "," + Svg.num(cy - 4), title == null ? "key failed" : "failed", title);
    }

    private static Point best(List<Point> points, String goal) {
        Point best = null;
        for (Point p : points) {
            if (best == null || ("MINIMIZE".equals(goal) ? p.value() < best.value() : p.value() > best.value())) {
                best = p;
            }
        }
        return best;
    }

    private static Double parse(String id) {
        try {
            return Double.parseDouble(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
