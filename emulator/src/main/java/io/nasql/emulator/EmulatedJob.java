package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import com.google.rpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One job the emulator holds: what was asked for, a timeline, and a cancel time once
 * cancelled. Its state, times and trials at any instant are derived from these, so a job
 * moves on with the clock without any background work.
 */
final class EmulatedJob {
    private static final int MAX_TRIALS = 60;

    private final String projectId;
    private final String location;
    private final String id;
    private final String name;
    private final NasJob request;
    private final Timeline timeline;
    private final long valueSeed;
    private final Duration cancelTakes;
    private final SampleMetrics sampleMetrics;
    private volatile Instant cancelledAt;
    /** A cancel that came too late: the job stays CANCELLING, then ends SUCCEEDED or FAILED all the same. */
    private volatile boolean cancelIgnored;

    EmulatedJob(String projectId, String location, String id, String name, NasJob request, Timeline timeline, long valueSeed,
                Duration cancelTakes) {
        this(projectId, location, id, name, request, timeline, valueSeed, cancelTakes, SampleMetrics.ONE_METRIC);
    }

    EmulatedJob(String projectId, String location, String id, String name, NasJob request, Timeline timeline, long valueSeed,
                Duration cancelTakes, SampleMetrics sampleMetrics) {
        this.sampleMetrics = sampleMetrics;
        this.projectId = projectId;
        this.location = location;
        this.id = id;
        this.name = name;
        this.request = request;
        this.timeline = timeline;
        this.valueSeed = valueSeed;
        this.cancelTakes = cancelTakes;
    }

    String projectId() {
        return projectId;
    }

    String location() {
        return location;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /**
     * Asks for cancellation at {@code now}; false when the job had already finished by then. An
     * ignored cancel is one the service accepted but could not honour: the job still finishes.
     */
    synchronized boolean cancel(Instant now, boolean ignored) {
        if (isFinished(now)) {
            return false;
        }
        if (cancelledAt == null) {
            cancelledAt = now;
            cancelIgnored = ignored;
        }
        return true;
    }

    /** The seed for this job's own draws (values, whether a cancel takes). */
    long valueSeed() {
        return valueSeed;
    }

    boolean isFinished(Instant now) {
        JobState state = state(now);
        return state == JobState.JOB_STATE_SUCCEEDED || state == JobState.JOB_STATE_FAILED
                || state == JobState.JOB_STATE_CANCELLED;
    }

    JobState state(Instant now) {
        Instant cancel = cancelledAt;
        if (cancel != null && !cancelIgnored) {
            return now.isBefore(cancel.plus(cancelTakes)) ? JobState.JOB_STATE_CANCELLING : JobState.JOB_STATE_CANCELLED;
        }
        if (cancel != null && now.isBefore(end()) && !now.isBefore(cancel)) {
            return JobState.JOB_STATE_CANCELLING;
        }
        if (now.isBefore(timeline.pendingAt())) {
            return JobState.JOB_STATE_QUEUED;
        }
        if (now.isBefore(timeline.runningAt())) {
            return JobState.JOB_STATE_PENDING;
        }
        if (now.isBefore(end())) {
            return JobState.JOB_STATE_RUNNING;
        }
        return timeline.fails() ? JobState.JOB_STATE_FAILED : JobState.JOB_STATE_SUCCEEDED;
    }

    /** When the job ends SUCCEEDED or FAILED: as planned, or once an ignored cancel is through, whichever is first. */
    private Instant end() {
        Instant cancel = cancelledAt;
        if (cancel != null && cancelIgnored && cancel.plus(cancelTakes).isBefore(timeline.endAt())) {
            return cancel.plus(cancelTakes);
        }
        return timeline.endAt();
    }

    /** The job as GetNasJob returns it at {@code now}; ListNasJobs leaves out the output. */
    NasJob view(Instant now, boolean withOutput) {
        JobState state = state(now);
        Instant cancel = cancelIgnored ? null : cancelledAt;
        // Work stops at whichever comes first: the end, or an honoured cancel request.
        Instant stop = cancel != null && cancel.isBefore(end()) ? cancel : end();
        Instant progressUntil = now.isBefore(stop) ? now : stop;
        Instant updated = timeline.createdAt();

        NasJob.Builder job = request.toBuilder()
                .setName(name)
                .setState(state)
                .setCreateTime(timestamp(timeline.createdAt()));
        if (!now.isBefore(timeline.pendingAt()) && (cancel == null || cancel.isAfter(timeline.pendingAt()))) {
            updated = timeline.pendingAt();
        }
        boolean started = !now.isBefore(timeline.runningAt()) && (cancel == null || cancel.isAfter(timeline.runningAt()));
        if (started) {
            job.setStartTime(timestamp(timeline.runningAt()));
            updated = timeline.runningAt();
        }
        List<Instant> completions = started ? trialCompletions(progressUntil) : List.of();
        if (!completions.isEmpty()) {
            updated = max(updated, completions.get(completions.size() - 1));
        }
        switch (state) {
            case JOB_STATE_SUCCEEDED -> {
                job.setEndTime(timestamp(end()));
                updated = end();
            }
            case JOB_STATE_FAILED -> {
                job.setEndTime(timestamp(end()));
                job.setError(Status.newBuilder().setCode(Code.INTERNAL_VALUE).setMessage(timeline.failureMessage()));
                updated = end();
            }
            case JOB_STATE_CANCELLING -> updated = max(updated, cancelledAt);
            case JOB_STATE_CANCELLED -> {
                Instant cancelledDone = cancel.plus(cancelTakes);
                job.setEndTime(timestamp(cancelledDone));
                job.setError(Status.newBuilder().setCode(Code.CANCELLED_VALUE).setMessage("CANCELED"));
                updated = cancelledDone;
            }
            default -> {
            }
        }
        job.setUpdateTime(timestamp(updated));
        if (withOutput && started) {
            job.setNasJobOutput(output(completions, state == JobState.JOB_STATE_RUNNING ? progressUntil : null));
        }
        return job.build();
    }

    private List<Instant> trialCompletions(Instant until) {
        int trials = trialCount();
        List<Instant> done = new ArrayList<>();
        long spanMillis = timeline.trialSpan().toMillis();
        for (int i = 0; i < trials; i++) {
            Instant completesAt = timeline.runningAt().plusMillis(spanMillis * (i + 1) / trials);
            if (completesAt.isAfter(until)) {
                break;
            }
            done.add(completesAt);
        }
        return done;
    }

    private NasJobOutput output(List<Instant> completions, Instant activeSince) {
        var spec = request.getNasJobSpec().getMultiTrialAlgorithmSpec();
        String metricId = spec.getMetric().getMetricId().isEmpty() ? "accuracy" : spec.getMetric().getMetricId();
        boolean minimize = spec.getMetric().getGoal() == GoalType.MINIMIZE;
        int frequency = Math.max(1, spec.getTrainTrialSpec().getFrequency());
        NasJobOutput.MultiTrialJobOutput.Builder out = NasJobOutput.MultiTrialJobOutput.newBuilder();
        Instant previous = timeline.runningAt();
        for (int i = 0; i < completions.size(); i++) {
            double value = metricValue(i, minimize);
            if (sampleMetrics.failed(valueSeed, i)) {
                out.addSearchTrials(failedTrial(i + 1, previous, completions.get(i)));
                previous = completions.get(i);
                continue;
            }
            Measurement.Metric paired = sampleMetrics.paired(valueSeed, i, value, minimize);
            out.addSearchTrials(trial(i + 1, previous, completions.get(i), metricId, value, paired, 2000));
            if (spec.hasTrainTrialSpec() && (i + 1) % frequency == 0) {
                // A train trial trains the architecture of one search trial and carries its id.
                out.addTrainTrials(trial(i + 1, previous, completions.get(i), metricId,
                        minimize ? value * 0.97 : Math.min(1.0, value + 0.015), paired, 20000));
            }
            previous = completions.get(i);
        }
        if (activeSince != null && completions.size() < trialCount()) {
            out.addSearchTrials(NasTrial.newBuilder()
                    .setId(String.valueOf(completions.size() + 1))
                    .setState(NasTrial.State.ACTIVE)
                    .setStartTime(timestamp(previous)));
        }
        return NasJobOutput.newBuilder().setMultiTrialJobOutput(out).build();
    }

    private static NasTrial trial(int id, Instant start, Instant end, String metricId, double value, Measurement.Metric paired, long steps) {
        Measurement.Builder measurement = Measurement.newBuilder()
                .setStepCount(steps)
                .addMetrics(Measurement.Metric.newBuilder().setMetricId(metricId).setValue(value));
        if (paired != null) {
            measurement.addMetrics(paired);
        }
        return NasTrial.newBuilder()
                .setId(String.valueOf(id))
                .setState(NasTrial.State.SUCCEEDED)
                .setStartTime(timestamp(start))
                .setEndTime(timestamp(end))
                .setFinalMeasurement(measurement)
                .build();
    }

    /** A trial that failed: INFEASIBLE, as the service marks a trial done without a final measurement. */
    private static NasTrial failedTrial(int id, Instant start, Instant end) {
        return NasTrial.newBuilder()
                .setId(String.valueOf(id))
                .setState(NasTrial.State.INFEASIBLE)
                .setStartTime(timestamp(start))
                .setEndTime(timestamp(end))
                .build();
    }

    /** A learning curve with noise: later trials tend to be better. */
    private double metricValue(int trial, boolean minimize) {
        double progress = 1 - Math.exp(-trial / 8.0);
        double noise = new SplittableRandom(valueSeed * 31 + trial).nextDouble(-0.02, 0.02);
        double value = minimize ? 40 - 15 * progress + noise * 50 : 0.55 + 0.3 * progress + noise;
        return Math.round(value * 10_000) / 10_000.0;
    }

    private int trialCount() {
        int max = request.getNasJobSpec().getMultiTrialAlgorithmSpec().getSearchTrialSpec().getMaxTrialCount();
        return Math.max(1, Math.min(max, MAX_TRIALS));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
