package io.nasql.sync;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.SampleJobs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Writes against the emulator's quotas, slow operations and create validation. */
class JobWriterTest {
    private static final ScopeKey SCOPE = new ScopeKey("p", "us-central1");

    private static EmulatorConfig project() {
        return EmulatorConfig.empty().withEmptyProjects(Set.of("p"));
    }

    @Test
    void bulkCreatesPaceThemselvesUnderTheSubmissionQuotaAndSaySo() throws Exception {
        // 10 submissions per 2 s window in the emulator; nasql submits 150 a minute after a burst of 5: never more than 10 in 2 s.
        EmulatorConfig config = project().withQuota(600, Duration.ofSeconds(2)).withSubmitQuota(10);
        try (SyncFixture f = new SyncFixture(config, SyncOptions.defaults().withSubmitRate(150))) {
            CallRunner runner = new CallRunner(f.options);
            List<String> pacing = new CopyOnWriteArrayList<>();
            runner.onPacing(pacing::add);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            for (int i = 0; i < 15; i++) {
                writer.create(SCOPE, SampleJobs.minimal("paced-" + i));
            }
            assertThat(runner.retries()).as("no RESOURCE_EXHAUSTED to retry").isZero();
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(15);
            assertThat(pacing).isNotEmpty().allMatch(m -> m.startsWith("pacing writes to p/us-central1 under the submission quota"));
        }
    }

    @Test
    void deleteOperationPollsGoThroughTheRateLimiterAndBackOffOnResourceExhausted() throws Exception {
        EmulatorConfig config = project().withQuota(4, Duration.ofMillis(500)).withOperationDelay(Duration.ofMillis(600));
        SyncOptions options = SyncOptions.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
        try (SyncFixture f = new SyncFixture(config, options)) {
            CallRunner runner = new CallRunner(options);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("to-delete"));
            f.clock.advance(Duration.ofMinutes(5));
            String id = job.getName().substring(job.getName().lastIndexOf('/') + 1);
            JobWriter.PendingDelete delete = writer.startDelete(SCOPE, id);
            while (!writer.awaitDelete(delete, Duration.ofMillis(50))) {
                // polls, paced and retried by the runner
            }
            assertThat(runner.retries()).as("polls met RESOURCE_EXHAUSTED and were retried").isPositive();
            assertThat(f.emulator.stats().calls("GetOperation")).isPositive();
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isZero();
        }
    }

    @Test
    void aDeleteOperationPastTheTimeoutGivesUpAndKeepsTheRow() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withOperationDelay(Duration.ofSeconds(30)))) {
            CallRunner runner = new CallRunner(f.options);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC(), Duration.ofMillis(400));
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("slow-delete"));
            f.clock.advance(Duration.ofMinutes(5));
            JobWriter.PendingDelete delete = writer.startDelete(SCOPE, job.getName().substring(job.getName().lastIndexOf('/') + 1));
            ApiCallException e = catchThrowableOfType(() -> {
                while (!writer.awaitDelete(delete, Duration.ofMillis(100))) {
                    // waiting, as DeleteHandler does
                }
            }, ApiCallException.class);
            assertThat(e.code()).isEqualTo("DEADLINE_EXCEEDED");
            assertThat(e.getMessage()).endsWith("did not finish in 400 ms; its row is kept until a sync sees it gone");
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(1);
        }
    }

    @Test
    void theLocalPreCheckFindsWhatTheEmulatorFindsInItsWords() throws Exception {
        List<UnaryOperator<NasJob.Builder>> cases = new ArrayList<>();
        cases.add(j -> j.setDisplayName(""));
        cases.add(j -> j.clearNasJobSpec());
        cases.add(j -> j.setNasJobSpec(NasJobSpec.newBuilder().setSearchSpaceSpec("mnasnet")));
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().clearMetric();
            return j;
        });
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getSearchTrialSpecBuilder().setMaxTrialCount(2).setMaxParallelTrialCount(3);
            return j;
        });
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getSearchTrialSpecBuilder().setMaxTrialCount(0)
                    .getSearchTrialJobSpecBuilder().clearWorkerPoolSpecs();
            return j;
        });
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getSearchTrialSpecBuilder().getSearchTrialJobSpecBuilder()
                    .getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder().setMachineType("n1-standard-3");
            return j;
        });
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getTrainTrialSpecBuilder().getTrainTrialJobSpecBuilder()
                    .getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder().setAcceleratorType(com.google.cloud.aiplatform.v1.AcceleratorType.NVIDIA_L4)
                    .setAcceleratorCount(1);
            return j;
        });
        cases.add(j -> j.setDisplayName("x".repeat(129)).putLabels("Team", "A"));
        try (SyncFixture f = new SyncFixture(project()); JobServiceClient client = f.clients.forLocation("us-central1")) {
            for (UnaryOperator<NasJob.Builder> change : cases) {
                NasJob job = change.apply(SampleJobs.minimal("checked").toBuilder()).build();
                List<String> local = JobValidator.problems(job);
                ApiException refused = catchThrowableOfType(() -> client.createNasJob("projects/p/locations/us-central1", job), ApiException.class);
                assertThat(refused).as("the emulator refuses what the pre-check refuses: %s", local).isNotNull();
                assertThat(local).isEqualTo(ApiCallException.of(refused).violations());
            }
            assertThat(JobValidator.problems(SampleJobs.minimal("fine"))).isEmpty();
            NasJob twoProblems = SampleJobs.minimal("").toBuilder().putLabels("Bad", "x").build();
            ApiException refused = catchThrowableOfType(() -> client.createNasJob("projects/p/locations/us-central1", twoProblems),
                    ApiException.class);
            assertThat(ApiCallException.of(refused).toString()).as("each violation on a line of its own").isEqualTo(String.join(
                    System.lineSeparator(), "INVALID_ARGUMENT: the service found 2 problems:", "  nas_job.display_name: Required field is not set.",
                    "  nas_job.labels: Invalid label key 'Bad': keys are 1 to 64 lowercase letters, digits, '_' or '-', starting with a letter."));
        }
    }

    @Test
    void aCancelThatComesTooLateShowsTheRealEndStateAfterTheNextSync() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withCancellation(Duration.ofSeconds(30), 1.0)); SyncEngine engine = f.engine()) {
            JobWriter writer = new JobWriter(f.clients, new CallRunner(f.options), f.store, Clock.systemUTC());
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("too-late"));
            String id = job.getName().substring(job.getName().lastIndexOf('/') + 1);
            assertThat(writer.cancel(SCOPE, id).getState().name()).isEqualTo("JOB_STATE_CANCELLING");
            f.clock.advance(Duration.ofMinutes(1));
            engine.sync(List.of(SCOPE));
            assertThat(f.inventory.dsl().select(NAS_JOBS.STATE).from(NAS_JOBS).fetchOne().value1()).isEqualTo("JOB_STATE_SUCCEEDED");
        }
    }

    @Test
    void runningJobsAreReadAgainAfterRunningRefreshWhateverTheirUpdateTime() throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(List.of("p"), List.of("us-central1"), 6, 5);
        try (SyncFixture f = new SyncFixture(config)) {
            List<ScopeKey> scope = List.of(SCOPE);
            long running = f.emulator.jobs().stream().filter(j -> j.getState().name().equals("JOB_STATE_RUNNING")).count();
            assertThat(running).isPositive();
            try (SyncEngine engine = f.engine()) {
                engine.sync(scope);
                f.emulator.stats().reset();
                engine.sync(scope);
                assertThat(f.emulator.stats().calls("GetNasJob")).as("within running_refresh: nothing read").isZero();
            }
            SyncOptions everyTime = f.options.withRunningRefresh(Duration.ZERO);
            try (SyncEngine eager = new SyncEngine(f.store, f.clients, new CallRunner(everyTime), everyTime, Clock.systemUTC())) {
                f.emulator.stats().reset();
                eager.sync(scope);
                assertThat(f.emulator.stats().calls("GetNasJob")).as("each RUNNING job read again").isEqualTo(running);
            }
        }
    }
}
