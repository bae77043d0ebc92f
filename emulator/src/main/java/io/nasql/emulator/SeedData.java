package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.DiskSpec;
import com.google.cloud.aiplatform.v1.GcsDestination;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic jobs for every seeded scope, the same for the same seed: search spaces, metrics,
 * worker pools, labels, and a mix of states and ages. Each scope's first jobs cover the states
 * in turn (rotated across scopes), so even small scopes show running, failed and queued jobs.
 */
final class SeedData {
    private enum Kind { RUNNING, SUCCEEDED, FAILED, QUEUED, CANCELLED, PENDING }

    private static final List<String> SEARCH_SPACES = List.of("mnasnet", "efficientnet_v2", "spinenet", "tunas_mobilenet", "nasfpn");
    private static final List<String> LATENCY_AWARE_SPACES = List.of("mnasnet", "tunas_mobilenet");
    private static final List<String> TEAMS = List.of("vision", "speech", "ranking", "nlp");
    private static final List<String> OWNERS = List.of("alice", "bob", "chen", "dana", "emeka", "farah");
    private static final List<String> MACHINES = List.of("n1-highmem-8", "n1-standard-16", "a2-highgpu-1g");
    private static final int ACCELERATOR_DRAWS = 3;
    private static final List<String> FAILURES = List.of(
            "The replica workerpool0-0 exited with a non-zero status of 1. Examine the logs for further details.",
            "Too many failed trials: 5 of the search trials failed, more than max_failed_trial_count.",
            "The job ran out of memory: the replica workerpool0-0 was killed (OOM) on n1-highmem-8.",
            "Unable to pull container image: permission denied for the Artifact Registry repository.");

    private SeedData() {
    }

    static void populate(EmulatorConfig config, Instant now, ProjectRegistry projects, JobRegistry registry) {
        populate(config, now, projects, registry, 0);
    }

    /** As above; with {@code scopesWithJobs > 0} only that many scopes, spread evenly, hold jobs. */
    static void populate(EmulatorConfig config, Instant now, ProjectRegistry projects, JobRegistry registry, int scopesWithJobs) {
        SplittableRandom random = new SplittableRandom(config.seed());
        long scopes = (long) config.projectIds().size() * config.locations().size();
        long stride = scopesWithJobs == 0 || scopesWithJobs >= scopes ? 1 : scopes / scopesWithJobs;
        long limit = scopesWithJobs == 0 ? scopes : Math.min(scopes, (long) scopesWithJobs * stride);
        int scopeIndex = 0;
        for (String project : config.projectIds()) {
            String number = projects.numberOf(project);
            for (String location : config.locations()) {
                boolean holdsJobs = scopeIndex % stride == 0 && scopeIndex < limit;
                for (int i = 0; holdsJobs && i < config.jobsPerScope(); i++) {
                    Kind kind = i < Kind.values().length
                            ? Kind.values()[(i + scopeIndex) % Kind.values().length]
                            : weighted(random);
                    String id = registry.newJobId();
                    String name = "projects/" + number + "/locations/" + location + "/nasJobs/" + id;
                    Timeline timeline = timeline(kind, now, random);
                    NasJob request = request(random);
                    EmulatedJob job = new EmulatedJob(project, location, id, name, request, timeline, random.nextLong(),
                            config.cancelTakes(), sampleMetrics(request, kind));
                    if (kind == Kind.CANCELLED) {
                        // A running job whose cancel was asked for halfway between its start and now.
                        job.cancel(timeline.runningAt().plus(Duration.between(timeline.runningAt(), now).dividedBy(2)), false);
                    }
                    registry.add(job);
                }
                scopeIndex++;
            }
        }
    }

    /**
     * Latency-aware search spaces (MnasNet, TuNAS) record accuracy and latency in every trial's final
     * measurement, so their jobs show a trade-off; some trials fail, more of them in a failed job.
     */
    private static SampleMetrics sampleMetrics(NasJob request, Kind kind) {
        var metric = request.getNasJobSpec().getMultiTrialAlgorithmSpec().getMetric();
        String space = request.getNasJobSpec().getSearchSpaceSpec();
        String paired = LATENCY_AWARE_SPACES.contains(space)
                ? (metric.getMetricId().equals("latency_ms") ? "top1_accuracy" : "latency_ms")
                : null;
        return new SampleMetrics(paired, kind == Kind.FAILED ? 0.2 : 0.05);
    }

    private static Kind weighted(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 55 ? Kind.SUCCEEDED : roll < 70 ? Kind.FAILED : roll < 85 ? Kind.RUNNING
                : roll < 90 ? Kind.CANCELLED : roll < 95 ? Kind.PENDING : Kind.QUEUED;
    }

    private static Timeline timeline(Kind kind, Instant now, SplittableRandom r) {
        Duration queued = minutes(r, 1, 10);
        Duration pending = minutes(r, 2, 20);
        Duration span = minutes(r, 6 * 60, 3 * 24 * 60);
        String failure = FAILURES.get(r.nextInt(FAILURES.size()));
        return switch (kind) {
            case SUCCEEDED, FAILED -> {
                boolean fails = kind == Kind.FAILED;
                Duration ran = fails ? span.multipliedBy(r.nextInt(10, 90)).dividedBy(100) : span;
                Instant created = now.minus(queued).minus(pending).minus(ran).minus(minutes(r, 60, 30 * 24 * 60));
                Instant running = created.plus(queued).plus(pending);
                yield new Timeline(created, created.plus(queued), running, span, running.plus(ran), fails, failure);
            }
            case RUNNING, CANCELLED -> {
                Instant running = now.minus(span.multipliedBy(r.nextInt(10, 90)).dividedBy(100));
                Instant created = running.minus(pending).minus(queued);
                yield new Timeline(created, created.plus(queued), running, span, running.plus(span), false, null);
            }
            case QUEUED -> {
                Instant created = now.minus(minutes(r, 1, 20));
                Instant pendingAt = now.plus(minutes(r, 30, 6 * 60));
                Instant running = pendingAt.plus(pending);
                yield new Timeline(created, pendingAt, running, span, running.plus(span), false, null);
            }
            case PENDING -> {
                Instant created = now.minus(queued).minus(minutes(r, 1, 10));
                Instant running = now.plus(minutes(r, 30, 3 * 60));
                yield new Timeline(created, created.plus(queued), running, span, running.plus(span), false, null);
            }
        };
    }

    private static NasJob request(SplittableRandom r) {
        String space = SEARCH_SPACES.get(r.nextInt(SEARCH_SPACES.size()));
        boolean latency = r.nextInt(4) == 0;
        int maxTrials = List.of(20, 40, 60).get(r.nextInt(3));
        String machine = MACHINES.get(r.nextInt(MACHINES.size()));
        // The same draws as ever (so a seed gives the same jobs), mapped to a GPU the machine takes.
        AcceleratorType accelerator = MachineTypes.compatible(machine, r.nextInt(ACCELERATOR_DRAWS));
        CustomJobSpec trialJob = CustomJobSpec.newBuilder()
                .addWorkerPoolSpecs(WorkerPoolSpec.newBuilder()
                        .setMachineSpec(MachineSpec.newBuilder()
                                .setMachineType(machine)
                                .setAcceleratorType(accelerator)
                                .setAcceleratorCount(List.of(1, 2, 4).get(r.nextInt(3))))
                        .setReplicaCount(1)
                        .setDiskSpec(DiskSpec.newBuilder().setBootDiskType("pd-ssd").setBootDiskSizeGb(100))
                        .setContainerSpec(ContainerSpec.newBuilder()
                                .setImageUri("us-docker.pkg.dev/vertex-ai/nas/" + space + ":latest")
                                .addArgs("--search_space=" + space)
                                .addArgs("--training_steps=2000")))
                .setBaseOutputDirectory(GcsDestination.newBuilder().setOutputUriPrefix("gs://nas-experiments/" + space))
                .build();
        return NasJob.newBuilder()
                .setDisplayName(space + "-" + (latency ? "latency" : "accuracy") + "-search-v" + (1 + r.nextInt(9)))
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
                                        .setSearchTrialJobSpec(trialJob)
                                        .setMaxTrialCount(maxTrials)
                                        .setMaxParallelTrialCount(5)
                                        .setMaxFailedTrialCount(5))
                                .setTrainTrialSpec(MultiTrialAlgorithmSpec.TrainTrialSpec.newBuilder()
                                        .setTrainTrialJobSpec(trialJob)
                                        .setMaxParallelTrialCount(2)
                                        .setFrequency(10))))
                .build();
    }

    private static Duration minutes(SplittableRandom r, int from, int to) {
        return Duration.ofMinutes(r.nextInt(from, to));
    }
}
