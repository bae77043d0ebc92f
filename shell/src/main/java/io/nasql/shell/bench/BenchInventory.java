package io.nasql.shell.bench;

import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.DiskSpec;
import com.google.cloud.aiplatform.v1.GcsDestination;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import com.google.protobuf.Timestamp;
import com.google.rpc.Status;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a large inventory for {@code scripts/bench/query.sh} straight through the store, as sync
 * would write it, without the API: {@code PROJECTS} projects x {@code LOCATIONS} x {@code JOBS}
 * jobs, each with a realistic nasJobSpec of about 1.3 KB and no nasJobOutput. A benchmark tool,
 * not part of the shell: run as {@code java -cp nasql.jar io.nasql.shell.bench.BenchInventory URL P L J}.
 */
public final class BenchInventory {
    private static final List<String> SPACES = List.of("mnasnet", "efficientnet_v2", "spinenet", "tunas_mobilenet", "nasfpn");
    private static final List<String> TEAMS = List.of("vision", "speech", "ranking", "nlp");
    private static final List<String> OWNERS = List.of("alice", "bob", "chen", "dana", "emeka", "farah");
    private static final List<JobState> STATES = List.of(JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_SUCCEEDED,
            JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED, JobState.JOB_STATE_RUNNING,
            JobState.JOB_STATE_QUEUED);
    private static final List<String> LOCATIONS = List.of("us-central1", "europe-west4", "asia-east1", "us-east4");

    private static final int WRITERS = 4;

    private BenchInventory() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int projects = Integer.parseInt(args[1]);
        int locations = Integer.parseInt(args[2]);
        int jobs = Integer.parseInt(args[3]);
        Instant now = Instant.now();
        // Scopes are written in parallel, each in its own transaction, as sync writes them.
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (Inventory inventory = Inventory.open(url)) {
            InventoryStore store = new InventoryStore(inventory);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 1; p <= projects; p++) {
                for (int l = 0; l < locations; l++) {
                    ScopeKey scope = new ScopeKey(String.format("proj-%04d", p), LOCATIONS.get(l));
                    SplittableRandom random = new SplittableRandom(p * 31L + l);
                    long first = 1_000_000_000_000_000L + (long) p * 10_000_000L + l * 100_000L;
                    done.add(writers.submit(() -> writeScope(store, scope, first, jobs, now, random)));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
    }

    private static void writeScope(InventoryStore store, ScopeKey scope, long firstId, int jobs, Instant now, SplittableRandom random) {
        List<NasJob> scopeJobs = new ArrayList<>(jobs);
        for (int j = 0; j < jobs; j++) {
            scopeJobs.add(job(scope, String.valueOf(firstId + j), now, random));
        }
        store.replaceScope(scope, scopeJobs, List.of(), "sync", now.atOffset(ZoneOffset.UTC));
    }

    static NasJob job(ScopeKey scope, String id, Instant now, SplittableRandom r) {
        String space = SPACES.get(r.nextInt(SPACES.size()));
        boolean latency = r.nextInt(4) == 0;
        JobState state = STATES.get(r.nextInt(STATES.size()));
        Instant created = now.minusSeconds(60L * r.nextInt(60, 60 * 24 * 90));
        Instant started = created.plusSeconds(60L * r.nextInt(1, 30));
        Instant ended = started.plusSeconds(60L * r.nextInt(30, 60 * 24));
        boolean finished = state != JobState.JOB_STATE_RUNNING && state != JobState.JOB_STATE_QUEUED;
        CustomJobSpec trialJob = CustomJobSpec.newBuilder()
                .addWorkerPoolSpecs(WorkerPoolSpec.newBuilder()
                        .setMachineSpec(MachineSpec.newBuilder().setMachineType("n1-highmem-8").setAcceleratorCount(2))
                        .setReplicaCount(1)
                        .setDiskSpec(DiskSpec.newBuilder().setBootDiskType("pd-ssd").setBootDiskSizeGb(100))
                        .setContainerSpec(ContainerSpec.newBuilder()
                                .setImageUri("us-docker.pkg.dev/vertex-ai/nas/" + space + ":" + r.nextInt(1000))
                                .addArgs("--search_space=" + space)
                                .addArgs("--training_steps=" + (1000 + r.nextInt(9000)))
                                .addArgs("--learning_rate=0.0" + r.nextInt(10, 99))
                                .addArgs("--batch_size=" + (64 << r.nextInt(4)))))
                .setBaseOutputDirectory(GcsDestination.newBuilder().setOutputUriPrefix("gs://nas-experiments/" + scope.projectsId()
                        + "/" + space + "/" + id))
                .build();
        NasJob.Builder job = NasJob.newBuilder()
                .setName("projects/" + (100_000_000_000L + scope.projectsId().hashCode() & 0xffffff) + "/locations/"
                        + scope.locationsId() + "/nasJobs/" + id)
                .setDisplayName(space + "-" + (latency ? "latency" : "accuracy") + "-search-v" + (1 + r.nextInt(9)))
                .setState(state)
                .setCreateTime(timestamp(created))
                .setUpdateTime(timestamp(finished ? ended : started))
                .putLabels("team", TEAMS.get(r.nextInt(TEAMS.size())))
                .putLabels("owner", OWNERS.get(r.nextInt(OWNERS.size())))
                .setNasJobSpec(NasJobSpec.newBuilder()
                        .setSearchSpaceSpec(space)
                        .setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                                .setMultiTrialAlgorithm(r.nextBoolean()
                                        ? MultiTrialAlgorithmSpec.MultiTrialAlgorithm.REINFORCEMENT_LEARNING
                                        : MultiTrialAlgorithmSpec.MultiTrialAlgorithm.GRID_SEARCH)
                                .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder()
                                        .setMetricId(latency ? "latency_ms" : "top1_accuracy")
                                        .setGoal(latency ? MultiTrialAlgorithmSpec.MetricSpec.GoalType.MINIMIZE
                                                : MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE))
                                .setSearchTrialSpec(MultiTrialAlgorithmSpec.SearchTrialSpec.newBuilder()
                                        .setSearchTrialJobSpec(trialJob).setMaxTrialCount(20 * (1 + r.nextInt(3)))
                                        .setMaxParallelTrialCount(5).setMaxFailedTrialCount(5))
                                .setTrainTrialSpec(MultiTrialAlgorithmSpec.TrainTrialSpec.newBuilder()
                                        .setTrainTrialJobSpec(trialJob).setMaxParallelTrialCount(2).setFrequency(10))));
        if (state != JobState.JOB_STATE_QUEUED) {
            job.setStartTime(timestamp(started));
        }
        if (finished) {
            job.setEndTime(timestamp(ended));
        }
        if (state == JobState.JOB_STATE_FAILED) {
            job.setError(Status.newBuilder().setCode(13).setMessage("worker pool 0 exited with code " + (1 + r.nextInt(3))));
        } else if (state == JobState.JOB_STATE_CANCELLED) {
            job.setError(Status.newBuilder().setCode(1).setMessage("CANCELED"));
        }
        return job.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }
}
