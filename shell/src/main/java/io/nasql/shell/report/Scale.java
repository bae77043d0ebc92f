package io.nasql.shell.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear scale from data values to drawing coordinates, its domain widened to round ticks. */
final class Scale {
    private static final int MAX_TICKS = 50;
    private final double from;
    private final double to;
    private final double start;
    private final double end;
    private final double step;

    private Scale(double from, double to, double start, double end, double step) {
        this.from = from;
        this.to = to;
        this.start = start;
        this.end = end;
        this.step = step;
    }

    /** A scale over [min, max] (one value is widened around it) onto [start, end], with about {@code ticks} round ticks. */
    static Scale of(double min, double max, double start, double end, int ticks) {
        // Values a few ulps apart are one value: a step below their precision would never advance a tick.
        if (max - min < 1e-12 || max - min < 1e-9 * Math.max(Math.abs(min), Math.abs(max))) {
            double pad = Math.abs(min) > 1e-9 ? Math.abs(min) * 0.05 : 1;
            min -= pad;
            max += pad;
        }
        double step = niceStep((max - min) / Math.max(1, ticks));
        return new Scale(Math.floor(min / step) * step, Math.ceil(max / step) * step, start, end, step);
    }

    /** As {@link #of}, with a little room around the data so that no point sits on an axis. */
    static Scale padded(double min, double max, double start, double end, int ticks) {
        double pad = (max - min) * 0.04;
        return of(min - pad, max + pad, start, end, ticks);
    }

    /** A scale from zero, for bars: their length is the value. */
    static Scale fromZero(double max, double start, double end, int ticks) {
        return of(Math.min(0, max), Math.max(0, max), start, end, ticks);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    double at(double value) {
        return start + (value - from) / (to - from) * (end - start);
    }

    double min() {
        return from;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        // Each tick from its index, not by adding steps (which stalls where step is below v's precision); capped all the same.
        for (int i = 0; i <= MAX_TICKS && from + i * step <= to + step / 2; i++) {
            double v = from + i * step;
            ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
        }
        return ticks;
    }

    /**
     * A tick's label, with as many decimals as the step needs; large and tiny values compactly
     * (1.2G, 3.5e-7, 1e300), so that a label stays a few characters wide whatever the data.
     */
    String label(double tick) {
        if (tick == 0) {
            return "0";
        }
        double extent = Math.max(Math.abs(from), Math.abs(to));
        if (extent >= 1e5 && extent < 1e15) {
            int power = (int) Math.floor(Math.log10(extent) / 3) * 3;
            return plain(tick / Math.pow(10, power), step / Math.pow(10, power)) + "kMGT".charAt(power / 3 - 1);
        }
        if (extent >= 1e15 || extent < 1e-3) {
            int power = (int) Math.floor(Math.log10(extent));
            return plain(tick / Math.pow(10, power), step / Math.pow(10, power)) + "e" + power;
        }
        return plain(tick, step);
    }

    /** A value with the decimals that a step of that size needs (at most six). */
    private static String plain(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", value);
    }

    /** The widest of the tick labels, in characters. */
    int widestLabel() {
        return ticks().stream().mapToInt(t -> label(t).length()).max().orElse(1);
    }
}
