package io.nasql.db;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Timestamp;
import com.google.rpc.Status;
import java.util.UUID;

/** NasJob protos for store tests, as GetNasJob would return them. */
final class TestJobs {
    static final String PROJECT_NUMBER = "123456789012";

    private TestJobs() {
    }

    static Inventory memoryInventory() {
        // The path's last segment names the database, so the catalog is `google` as in a real inventory.
        return Inventory.open("jdbc:h2:mem:" + UUID.randomUUID() + "/google");
    }

    static NasJob job(ScopeKey scope, String id, JobState state, long updateSeconds) {
        NasJob.Builder job = NasJob.newBuilder()
                .setName("projects/" + PROJECT_NUMBER + "/locations/" + scope.locationsId() + "/nasJobs/" + id)
                .setDisplayName("job " + id)
                .setState(state)
                .setCreateTime(Timestamp.newBuilder().setSeconds(1_700_000_000L))
                .setUpdateTime(Timestamp.newBuilder().setSeconds(updateSeconds))
                .putLabels("team", "vision")
                .setNasJobSpec(NasJobSpec.newBuilder()
                        .setSearchSpaceSpec("{\"layers\":[3,5]}")
                        .setMultiTrialAlgorithmSpec(NasJobSpec.MultiTrialAlgorithmSpec.newBuilder()
                                .setMultiTrialAlgorithm(NasJobSpec.MultiTrialAlgorithmSpec.MultiTrialAlgorithm.REINFORCEMENT_LEARNING)
                                .setMetric(NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.newBuilder()
                                        .setMetricId("top1_accuracy")
                                        .setGoal(NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE))));
        if (state == JobState.JOB_STATE_FAILED) {
            job.setError(Status.newBuilder().setCode(13).setMessage("worker pool 0 exited with code 1"));
        }
        return job.build();
    }

    static NasJob withTrials(NasJob job, double... values) {
        NasJobOutput.MultiTrialJobOutput.Builder output = NasJobOutput.MultiTrialJobOutput.newBuilder();
        for (int i = 0; i < values.length; i++) {
            output.addSearchTrials(NasTrial.newBuilder()
                    .setId(String.valueOf(i + 1))
                    .setState(NasTrial.State.SUCCEEDED)
                    .setFinalMeasurement(Measurement.newBuilder()
                            .setStepCount(1000)
                            .addMetrics(Measurement.Metric.newBuilder().setMetricId("latency_ms").setValue(12.5))
                            .addMetrics(Measurement.Metric.newBuilder().setMetricId("top1_accuracy").setValue(values[i]))));
        }
        return job.toBuilder().setNasJobOutput(NasJobOutput.newBuilder().setMultiTrialJobOutput(output)).build();
    }
}
