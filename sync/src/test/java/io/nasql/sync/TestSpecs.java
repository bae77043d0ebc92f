package io.nasql.sync;

import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;

/** A NasJob that CreateNasJob accepts. */
final class TestSpecs {
    private TestSpecs() {
    }

    static NasJob job(String displayName) {
        CustomJobSpec trialJob = CustomJobSpec.newBuilder()
                .addWorkerPoolSpecs(WorkerPoolSpec.newBuilder()
                        .setMachineSpec(MachineSpec.newBuilder().setMachineType("n1-standard-8"))
                        .setReplicaCount(1)
                        .setContainerSpec(ContainerSpec.newBuilder().setImageUri("us-docker.pkg.dev/p/nas/trainer:1")))
                .build();
        return NasJob.newBuilder()
                .setDisplayName(displayName)
                .putLabels("team", "vision")
                .setNasJobSpec(NasJobSpec.newBuilder()
                        .setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                                .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder()
                                        .setMetricId("top1_accuracy")
                                        .setGoal(MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE))
                                .setSearchTrialSpec(MultiTrialAlgorithmSpec.SearchTrialSpec.newBuilder()
                                        .setSearchTrialJobSpec(trialJob)
                                        .setMaxTrialCount(10)
                                        .setMaxParallelTrialCount(2))))
                .build();
    }
}
