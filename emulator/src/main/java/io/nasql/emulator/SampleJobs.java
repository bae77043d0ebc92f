package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;

/** A small NasJob that CreateNasJob accepts: every REQUIRED field set, ten search trials, a train trial every five. */
public final class SampleJobs {
    private SampleJobs() {
    }

    public static NasJob minimal(String displayName) {
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
                        .setSearchSpaceSpec("mnasnet")
                        .setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                                .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder()
                                        .setMetricId("top1_accuracy")
                                        .setGoal(MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE))
                                .setSearchTrialSpec(MultiTrialAlgorithmSpec.SearchTrialSpec.newBuilder()
                                        .setSearchTrialJobSpec(trialJob)
                                        .setMaxTrialCount(10)
                                        .setMaxParallelTrialCount(2))
                                .setTrainTrialSpec(MultiTrialAlgorithmSpec.TrainTrialSpec.newBuilder()
                                        .setTrainTrialJobSpec(trialJob)
                                        .setMaxParallelTrialCount(1)
                                        .setFrequency(5))))
                .build();
    }
}
