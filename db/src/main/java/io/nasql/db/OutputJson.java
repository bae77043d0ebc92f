package io.nasql.db;

import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The proto3 JSON of {@code nasJobOutput} and of a trial's {@code finalMeasurement}, the same
 * text JsonFormat prints, written field by field. A job's output holds about 30 trials, each
 * printed again for {@code nas_trials}; JsonFormat's reflection over them was the largest part
 * of a first sync's JSON cost (issue 15). Anything this does not know exactly (a string that
 * JSON must escape, a message shape other than the one it was written for) goes to JsonFormat.
 */
final class OutputJson {
    /** The field numbers this printer writes; a newer proto with more fields falls back to JsonFormat. */
    private static final boolean KNOWN_SHAPE = numbers(NasJobOutput.getDescriptor()).equals(List.of(1))
            && numbers(NasJobOutput.MultiTrialJobOutput.getDescriptor()).equals(List.of(1, 2))
            && numbers(NasTrial.getDescriptor()).equals(List.of(1, 2, 3, 4, 5))
            && numbers(Measurement.getDescriptor()).equals(List.of(1, 2, 3))
            && numbers(Measurement.Metric.getDescriptor()).equals(List.of(1, 2));

    private OutputJson() {
    }

    /** The JSON text, or null when JsonFormat must print it. */
    static String print(NasJobOutput output) {
        if (!KNOWN_SHAPE) {
            return null;
        }
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        if (output.hasMultiTrialJobOutput()) {
            NasJobOutput.MultiTrialJobOutput multi = output.getMultiTrialJobOutput();
            out.append("\"multiTrialJobOutput\":{");
            boolean ok = trials(out, "searchTrials", multi.getSearchTrialsList(), false)
                    && trials(out, "trainTrials", multi.getTrainTrialsList(), multi.getSearchTrialsCount() > 0);
            if (!ok) {
                return null;
            }
            out.append('}');
        }
        return out.append('}').toString();
    }

    /** The JSON text, or null when JsonFormat must print it. */
    static String print(Measurement measurement) {
        if (!KNOWN_SHAPE) {
            return null;
        }
        StringBuilder out = new StringBuilder(96);
        return measurement(out, measurement) ? out.toString() : null;
    }

    private static boolean trials(StringBuilder out, String name, List<NasTrial> trials, boolean comma) {
        if (trials.isEmpty()) {
            return true;
        }
        out.append(comma ? ",\"" : "\"").append(name).append("\":[");
        for (int i = 0; i < trials.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (!trial(out, trials.get(i))) {
                return false;
            }
        }
        out.append(']');
        return true;
    }

    private static boolean trial(StringBuilder out, NasTrial trial) {
        int start = out.length();
        out.append('{');
        if (!trial.getId().isEmpty()) {
            if (!string(out.append("\"id\":"), trial.getId())) {
                return false;
            }
        }
        if (trial.getStateValue() != 0) {
            comma(out, start).append("\"state\":");
            if (trial.getState() == NasTrial.State.UNRECOGNIZED) {
                out.append(trial.getStateValue());
            } else {
                out.append('"').append(trial.getState().name()).append('"');
            }
        }
        if (trial.hasFinalMeasurement() && !measurement(comma(out, start).append("\"finalMeasurement\":"), trial.getFinalMeasurement())) {
            return false;
        }
        if (trial.hasStartTime() && !timestamp(comma(out, start).append("\"startTime\":"), trial.getStartTime())) {
            return false;
        }
        if (trial.hasEndTime() && !timestamp(comma(out, start).append("\"endTime\":"), trial.getEndTime())) {
            return false;
        }
        out.append('}');
        return true;
    }

    private static boolean measurement(StringBuilder out, Measurement m) {
        int start = out.length();
        out.append('{');
        if (m.hasElapsedDuration()) {
            try {
                out.append("\"elapsedDuration\":\"").append(Durations.toString(m.getElapsedDuration())).append('"');
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (m.getStepCount() != 0) {
            comma(out, start).append("\"stepCount\":\"").append(m.getStepCount()).append('"');
        }
        if (m.getMetricsCount() > 0) {
            comma(out, start).append("\"metrics\":[");
            for (int i = 0; i < m.getMetricsCount(); i++) {
                Measurement.Metric metric = m.getMetrics(i);
                int metricStart = out.length() + (i > 0 ? 1 : 0);
                out.append(i > 0 ? ",{" : "{");
                if (!metric.getMetricId().isEmpty() && !string(out.append("\"metricId\":"), metric.getMetricId())) {
                    return false;
                }
                if (Double.doubleToRawLongBits(metric.getValue()) != 0) {
                    comma(out, metricStart).append("\"value\":");
                    number(out, metric.getValue());
                }
                out.append('}');
            }
            out.append(']');
        }
        out.append('}');
        return true;
    }

    /**
     * Timestamps.toString's text (UTC, with 0, 3, 6 or 9 digits of fraction), quoted, without its
     * per-call date formatter, which was a twentieth of a first sync's samples; false when invalid.
     */
    private static boolean timestamp(StringBuilder out, Timestamp t) {
        if (!Timestamps.isValid(t)) {
            return false;
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getSeconds(), 0, ZoneOffset.UTC);
        digits(out.append('"'), d.getYear(), 4).append('-');
        digits(out, d.getMonthValue(), 2).append('-');
        digits(out, d.getDayOfMonth(), 2).append('T');
        digits(out, d.getHour(), 2).append(':');
        digits(out, d.getMinute(), 2).append(':');
        digits(out, d.getSecond(), 2);
        int nanos = t.getNanos();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(out, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                digits(out, nanos / 1000, 6);
            } else {
                digits(out, nanos, 9);
            }
        }
        out.append("Z\"");
        return true;
    }

    /** {@code value} (not negative) zero-padded to {@code width} digits. */
    private static StringBuilder digits(StringBuilder out, int value, int width) {
        int start = out.length();
        out.append(value);
        for (int n = out.length() - start; n < width; n++) {
            out.insert(start, '0');
        }
        return out;
    }

    /** A comma unless this is the object's first field (the object opened at {@code start}). */
    private static StringBuilder comma(StringBuilder out, int start) {
        return out.length() > start + 1 ? out.append(',') : out;
    }

    private static void number(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("\"NaN\"");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            out.append(value);
        }
    }

    /** A string that needs no escape, as JsonFormat (with Gson's HTML-safe escaping) writes it; false for any other. */
    private static boolean string(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '=' || c == '\'') {
                return false;
            }
        }
        out.append('"').append(s).append('"');
        return true;
    }

    private static List<Integer> numbers(Descriptor descriptor) {
        return descriptor.getFields().stream().map(FieldDescriptor::getNumber).sorted().toList();
    }
}
