package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.Measurement;
import java.util.SplittableRandom;

/**
 * What a seeded job's trials record beyond the job's own metric: a second metric, as latency-aware
 * searches (MnasNet, TuNAS) record accuracy and latency together, and a share of trials that fail
 * (INFEASIBLE: done without a final measurement).
 * Values are drawn per trial from the job's seed, so the same seed gives the same trials.
 *
 * @param pairedMetricId the second metric's id, or null for one metric only
 * @param failedShare    the share of search trials that fail
 */
record SampleMetrics(String pairedMetricId, double failedShare) {
    static final SampleMetrics ONE_METRIC = new SampleMetrics(null, 0);

    boolean failed(long seed, int trial) {
        return failedShare > 0 && new SplittableRandom(seed * 17 + trial).nextDouble() < failedShare;
    }

    /**
     * The second metric of a trial whose own metric has {@code value}. A larger architecture is more
     * accurate and slower, so accuracy and latency trade off and the trials spread along a front.
     */
    Measurement.Metric paired(long seed, int trial, double value, boolean minimize) {
        if (pairedMetricId == null) {
            return null;
        }
        SplittableRandom r = new SplittableRandom(seed * 37 + trial);
        double size = r.nextDouble();
        double noise = r.nextDouble(-1, 1);
        double paired = minimize
                // the job minimises latency (ms) and records accuracy: faster models lose a little
                ? 0.62 + 0.012 * (value - 20) + 0.08 * size + 0.015 * noise
                // the job maximises accuracy and records latency (ms): accuracy costs time
                : 6 + 60 * Math.max(0, value - 0.5) + 18 * size + 1.5 * noise;
        return Measurement.Metric.newBuilder().setMetricId(pairedMetricId).setValue(Math.round(paired * 10_000) / 10_000.0).build();
    }
}
