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

    /**
     * Spends the submission burst of the scope with no-op submissions (microseconds each), so the
     * next real write waits for its token however slowly the machine runs; the list then holds only what later writes say.
     */
    private static void spendTheBurst(CallRunner runner, List<String> pacing) throws InterruptedException {
        for (int i = 0; i < SyncOptions.SUBMIT_BURST; i++) {
            runner.submit(SCOPE, () -> null, true, new CancelToken());
        }
        pacing.clear();
    }

    private static final String PACING = "pacing writes to p/us-central1 under the submission quota (150 a minute)";

    @Test
    void bulkCreatesPaceThemselvesUnderTheSubmissionQuotaAndSaySo() throws Exception {
        // 10 submissions per 2 s window in the emulator, 15 creates: unpaced they would be refused.
        // nasql submits 150 a minute after a burst of 5: never more than 10 in 2 s.
        EmulatorConfig config = project().withQuota(600, Duration.ofSeconds(2)).withSubmitQuota(10);
        try (SyncFixture f = new SyncFixture(config, SyncOptions.defaults().withSubmitRate(150))) {
            CallRunner runner = new CallRunner(f.options);
            List<String> pacing = new CopyOnWriteArrayList<>();
            runner.onPacing(pacing::add);
            spendTheBurst(runner, pacing);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            for (int i = 0; i < 15; i++) {
                writer.create(SCOPE, SampleJobs.minimal("paced-" + i));
            }
            assertThat(runner.retries()).as("no RESOURCE_EXHAUSTED to retry").isZero();
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(15);
            assertThat(pacing).isNotEmpty().allMatch(m -> m.startsWith(PACING));
        }
    }

    /** The ids of the seeded jobs of scope p/us-central1 that are, or are not, finished. */
    private static List<String> seeded(SyncFixture f, boolean finished) {
        return f.emulator.jobs().stream()
                .filter(j -> finished == Set.of("JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED").contains(j.getState().name()))
                .map(j -> j.getName().substring(j.getName().lastIndexOf('/') + 1)).toList();
    }

    /** 10 submissions per 2 s window in the emulator, as above; {@code jobs} seeded jobs to cancel and delete (about a quarter unfinished). */
    private static EmulatorConfig pacedScope(int jobs) {
        return EmulatorConfig.empty().withSeedData(List.of("p"), List.of("us-central1"), jobs, 11)
                .withQuota(600, Duration.ofSeconds(2)).withSubmitQuota(10).withOperationDelay(Duration.ofMillis(20));
    }

    @Test
    void bulkCancelsPaceThemselvesUnderTheSubmissionQuotaAndSaySo() throws Exception {
        try (SyncFixture f = new SyncFixture(pacedScope(64), SyncOptions.defaults().withSubmitRate(150))) {
            CallRunner runner = new CallRunner(f.options);
            List<String> pacing = new CopyOnWriteArrayList<>();
            runner.onPacing(pacing::add);
            spendTheBurst(runner, pacing);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            List<String> unfinished = seeded(f, false);
            assertThat(unfinished).as("more than the emulator's 10 submissions in 2 s").hasSizeGreaterThanOrEqualTo(15);
            for (String id : unfinished.subList(0, 15)) {
                assertThat(writer.cancel(SCOPE, id).job().getState().name()).isEqualTo("JOB_STATE_CANCELLING");
            }
            assertThat(runner.retries()).as("no RESOURCE_EXHAUSTED to retry").isZero();
            assertThat(f.emulator.stats().calls("CancelNasJob")).isEqualTo(15);
            assertThat(pacing).isNotEmpty().allMatch(m -> m.startsWith(PACING));
        }
    }

    @Test
    void bulkDeletesPaceThemselvesUnderTheSubmissionQuotaAndSaySo() throws Exception {
        try (SyncFixture f = new SyncFixture(pacedScope(24), SyncOptions.defaults().withSubmitRate(150)); SyncEngine engine = f.engine()) {
            engine.sync(List.of(SCOPE));
            CallRunner runner = new CallRunner(f.options);
            List<String> pacing = new CopyOnWriteArrayList<>();
            runner.onPacing(pacing::add);
            spendTheBurst(runner, pacing);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            List<String> finished = seeded(f, true);
            assertThat(finished).as("more than the emulator's 10 submissions in 2 s").hasSizeGreaterThanOrEqualTo(15);
            // Started one after the other, as a /*+ NOWAIT */ bulk delete does; the last one awaited, then a sync.
            JobWriter.PendingDelete last = null;
            for (String id : finished.subList(0, 15)) {
                last = writer.startDelete(SCOPE, id);
            }
            while (!writer.awaitDelete(last, Duration.ofSeconds(1))) {
                // the operation takes 20 ms, and each began before this one
            }
            assertThat(runner.retries()).as("no RESOURCE_EXHAUSTED to retry").isZero();
            assertThat(f.emulator.stats().calls("DeleteNasJob")).isEqualTo(15);
            engine.sync(List.of(SCOPE));
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).as("all 15 gone").isEqualTo(24 - 15);
            assertThat(pacing).isNotEmpty().allMatch(m -> m.startsWith(PACING));
        }
    }

    @Test
    void deleteOperationPollsGoThroughTheRunnerAndBackOffOnResourceExhausted() throws Exception {
        // Five CRUD requests in a window: the create, the delete, and three more spent below leave none for the polls.
        // The window is a day, not a minute, so no window can open again mid-test however slowly the machine runs;
        // the delete's operation stays pending as long (the emulator times both on the real monotonic clock).
        EmulatorConfig config = project().withQuota(5, Duration.ofDays(1)).withOperationDelay(Duration.ofDays(1));
        SyncOptions options = SyncOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
        try (SyncFixture f = new SyncFixture(config, options); JobServiceClient client = f.clients.forLocation("us-central1")) {
            CallRunner runner = new CallRunner(options);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("to-delete"));
            f.clock.advance(Duration.ofMinutes(5));
            JobWriter.PendingDelete delete = writer.startDelete(SCOPE, job.getName().substring(job.getName().lastIndexOf('/') + 1));
            for (int i = 0; i < 3; i++) {
                client.getNasJob(job.getName());
            }
            f.emulator.stats().reset();
            // The API took the delete: a poll that fails for good is a delete started whose end is unknown, not a failed one.
            DeleteUnconfirmedException e = catchThrowableOfType(() -> {
                while (!writer.awaitDelete(delete, Duration.ofSeconds(1))) {
                    // polling
                }
            }, DeleteUnconfirmedException.class);
            assertThat(e.code()).isEqualTo("RESOURCE_EXHAUSTED");
            assertThat(e.getMessage()).startsWith("the delete of " + SCOPE + "/" + delete.nasJobsId() + " was sent, but its operation could not be read (")
                    .endsWith("); its row is kept until a sync sees it gone");
            assertThat(runner.retries()).as("each refused poll backed off and tried again").isEqualTo(options.maxAttempts() - 1);
            assertThat(f.emulator.stats().calls("GetOperation")).isEqualTo(options.maxAttempts());
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).as("the row stays").isEqualTo(1);
        }
    }

    @Test
    void aCancelWhileARefusedPollBacksOffLeavesTheAcceptedDeleteGoingOn() throws Exception {
        // As above, every poll is refused; the 10 s backoff after the first is where Ctrl-C lands.
        EmulatorConfig config = project().withQuota(5, Duration.ofDays(1)).withOperationDelay(Duration.ofDays(1));
        SyncOptions options = SyncOptions.defaults().withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
        try (SyncFixture f = new SyncFixture(config, options); JobServiceClient client = f.clients.forLocation("us-central1")) {
            CallRunner runner = new CallRunner(options);
            CancelToken cancel = new CancelToken();
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC(), cancel);
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("to-delete"));
            f.clock.advance(Duration.ofMinutes(5));
            JobWriter.PendingDelete delete = writer.startDelete(SCOPE, job.getName().substring(job.getName().lastIndexOf('/') + 1));
            for (int i = 0; i < 3; i++) {
                client.getNasJob(job.getName());
            }
            Thread canceller = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (runner.retries() < 1 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                cancel.cancel();
            });
            canceller.start();
            long start = System.nanoTime();
            assertThat(writer.awaitDelete(delete, Duration.ofSeconds(30))).as("not done, not failed: cancelled while waiting").isFalse();
            canceller.join();
            assertThat(f.emulator.stats().calls("GetOperation")).as("the first poll was refused, no retry followed").isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the backoff was cut short").isLessThan(Duration.ofSeconds(10));
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).as("the row stays").isEqualTo(1);
        }
    }

    @Test
    void aDeleteOperationPastTheTimeoutGivesUpAndKeepsTheRow() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withOperationDelay(Duration.ofSeconds(30)),
                SyncOptions.defaults().withDeleteTimeout(Duration.ofMillis(400)))) {
            CallRunner runner = new CallRunner(f.options);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
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

    /** Creates a job and starts its delete with the fixture's clients. */
    private static JobWriter.PendingDelete startedDelete(SyncFixture f, CallRunner runner) throws InterruptedException {
        JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC());
        NasJob job = writer.create(SCOPE, SampleJobs.minimal("polled"));
        f.clock.advance(Duration.ofMinutes(5));
        return writer.startDelete(SCOPE, job.getName().substring(job.getName().lastIndexOf('/') + 1));
    }

    @Test
    void aPollSlowerThanTheCallDeadlineFailsWithinItAndTheRunnerRetriesIt() throws Exception {
        SyncOptions options = SyncOptions.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
        try (SyncFixture f = new SyncFixture(project().withOperationDelay(Duration.ofMillis(100)), options);
             JobServiceClients shortDeadline = new JobServiceClients(ApiTarget.emulator(f.emulator.endpoint()), Duration.ofMillis(400))) {
            CallRunner runner = new CallRunner(options);
            JobWriter.PendingDelete delete = startedDelete(f, runner);
            // The next two polls answer after 1.5 s, past the 400 ms call deadline; gax's defaults for GetOperation would wait.
            f.emulator.setSlowOperationPolls(Duration.ofMillis(1500), 2);
            long retriesBefore = runner.retries();
            JobWriter writer = new JobWriter(shortDeadline, runner, f.store, Clock.systemUTC());
            while (!writer.awaitDelete(delete, Duration.ofSeconds(1))) {
                // polling
            }
            assertThat(runner.retries() - retriesBefore).as("each poll past the deadline failed and was tried again").isGreaterThanOrEqualTo(2);
            assertThat(f.emulator.stats().calls("GetOperation")).isGreaterThanOrEqualTo(3);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).as("the delete finished: the row is gone").isZero();
        }
    }

    @Test
    void ctrlCStopsPollsThatFailWithTheApiGoneWithinASecondOrTwo() throws Exception {
        // Backoff long enough that the ten tries outlast the wait for the first retry.
        SyncOptions options = SyncOptions.defaults().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
        try (SyncFixture f = new SyncFixture(project().withOperationDelay(Duration.ofDays(1)), options)) {
            CallRunner runner = new CallRunner(options);
            JobWriter.PendingDelete delete = startedDelete(f, runner);
            long retriesBefore = runner.retries();
            f.emulator.close();
            CancelToken cancel = new CancelToken();
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC(), cancel);
            java.util.concurrent.CompletableFuture<Long> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    while (!writer.awaitDelete(delete, Duration.ofSeconds(1)) && !cancel.isCancelled()) {
                        // polling
                    }
                } catch (ApiCallException e) {
                    // a poll failure after the cancel: how it is worded is the caller's business
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return System.nanoTime();
            });
            // An UNAVAILABLE poll reaches the runner, which backs off: gax's own retries would hide it for minutes.
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runner.retries() == retriesBefore && System.nanoTime() < waitUntil) {
                Thread.sleep(10);
            }
            assertThat(runner.retries()).as("a failed poll was retried by the runner").isGreaterThan(retriesBefore);
            long cancelled = System.nanoTime();
            cancel.cancel();
            long end = ended.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(end - cancelled)).as("Ctrl-C honoured at once").isLessThan(Duration.ofSeconds(2));
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).as("the row stays").isEqualTo(1);
        }
    }

    @Test
    void ctrlCInTheLastStepBeforeTheTimeoutIsACancelNotATimeout() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withOperationDelay(Duration.ofDays(1)),
                SyncOptions.defaults().withDeleteTimeout(Duration.ofMillis(50)))) {
            CancelToken cancel = new CancelToken();
            CallRunner runner = new CallRunner(f.options);
            JobWriter.PendingDelete delete = startedDelete(f, runner);
            JobWriter writer = new JobWriter(f.clients, runner, f.store, Clock.systemUTC(), cancel);
            cancel.cancel();
            while (System.nanoTime() - delete.startedNanos() < Duration.ofMillis(60).toNanos()) {
                Thread.sleep(5);
            }
            // The step ends past the timeout, its wait woken by the Ctrl-C: the caller reports a cancel.
            assertThat(writer.awaitDelete(delete, Duration.ZERO)).isFalse();
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
                    .getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder().setMachineType("N1_standard 4");
            return j;
        });
        cases.add(j -> {
            j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getTrainTrialSpecBuilder().getTrainTrialJobSpecBuilder()
                    .getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder().setMachineType("g2-standard-4")
                    .setAcceleratorType(com.google.cloud.aiplatform.v1.AcceleratorType.NVIDIA_L4).setAcceleratorCount(0);
            return j;
        });
        cases.add(j -> j.setDisplayName("x".repeat(129)).putLabels("Team", "A"));
        cases.add(j -> j.putLabels("k".repeat(65), "v").putLabels("v", "v".repeat(65)));
        try (SyncFixture f = new SyncFixture(project()); JobServiceClient client = f.clients.forLocation("us-central1")) {
            for (UnaryOperator<NasJob.Builder> change : cases) {
                NasJob job = change.apply(SampleJobs.minimal("checked").toBuilder()).build();
                List<String> local = JobValidator.problems(job);
                ApiException refused = catchThrowableOfType(() -> client.createNasJob("projects/p/locations/us-central1", job), ApiException.class);
                assertThat(refused).as("the emulator refuses what the pre-check refuses: %s", local).isNotNull();
                assertThat(local).isEqualTo(ApiCallException.of(refused).violations());
            }
            // What the service accepts, the pre-check accepts too: the longest label key and value, the longest name, 64 labels.
            List<NasJob.Builder> valid = new ArrayList<>();
            valid.add(SampleJobs.minimal("fine").toBuilder());
            valid.add(SampleJobs.minimal("x".repeat(128)).toBuilder().putLabels("k".repeat(64), "v".repeat(64)).putLabels("\u00e9t\u00e9", ""));
            NasJob.Builder many = SampleJobs.minimal("many-labels").toBuilder();
            for (int i = 0; many.getLabelsCount() < 64; i++) {
                many.putLabels("l" + i, "v" + i);
            }
            valid.add(many);
            // Real machine types and accelerators, beyond any list nasql could keep: the pre-check looks at their shape only.
            valid.add(machine("e2-highmem-2", com.google.cloud.aiplatform.v1.AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED, 0));
            valid.add(machine("n2d-standard-8", com.google.cloud.aiplatform.v1.AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED, 0));
            valid.add(machine("a3-megagpu-8g", com.google.cloud.aiplatform.v1.AcceleratorType.NVIDIA_H100_MEGA_80GB, 8));
            valid.add(machine("ct5lp-hightpu-4t", com.google.cloud.aiplatform.v1.AcceleratorType.TPU_V5_LITEPOD, 4));
            valid.add(machine("cloud-tpu", com.google.cloud.aiplatform.v1.AcceleratorType.TPU_V4_POD, 8));
            for (NasJob.Builder fine : valid) {
                NasJob job = fine.build();
                assertThat(JobValidator.problems(job)).as("the pre-check accepts %s", job.getLabelsMap()).isEmpty();
                assertThat(client.createNasJob("projects/p/locations/us-central1", job).getName()).isNotEmpty();
            }
            NasJob twoProblems = SampleJobs.minimal("").toBuilder().putLabels("Bad", "x").build();
            ApiException refused = catchThrowableOfType(() -> client.createNasJob("projects/p/locations/us-central1", twoProblems),
                    ApiException.class);
            assertThat(ApiCallException.of(refused).toString()).as("each violation on a line of its own").isEqualTo(String.join(
                    System.lineSeparator(), "INVALID_ARGUMENT: the service found 2 problems:", "  nas_job.display_name: Required field is not set.",
                    "  nas_job.labels: Invalid label key 'Bad': keys are 1 to 64 lowercase letters, digits, '_' or '-', starting with a letter."));
        }
    }

    /** The sample job with its search trials on this machine. */
    private static NasJob.Builder machine(String type, com.google.cloud.aiplatform.v1.AcceleratorType accelerator, int count) {
        NasJob.Builder job = SampleJobs.minimal("on-" + type).toBuilder();
        job.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getSearchTrialSpecBuilder().getSearchTrialJobSpecBuilder()
                .getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder().setMachineType(type).setAcceleratorType(accelerator).setAcceleratorCount(count);
        return job;
    }

    @Test
    void aMachineTypeOfTheRightShapeIsLeftToTheServiceToJudge() throws Exception {
        try (SyncFixture f = new SyncFixture(project()); JobServiceClient client = f.clients.forLocation("us-central1")) {
            NasJob unknown = machine("n1-standard-3", com.google.cloud.aiplatform.v1.AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED, 0).build();
            assertThat(JobValidator.problems(unknown)).isEmpty();
            ApiException refused = catchThrowableOfType(() -> client.createNasJob("projects/p/locations/us-central1", unknown), ApiException.class);
            assertThat(ApiCallException.of(refused).violations()).singleElement().asString().endsWith("Machine type \"n1-standard-3\" is not supported.");
        }
    }

    @Test
    void aCancelThatComesTooLateShowsTheRealEndStateAfterTheNextSync() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withCancellation(Duration.ofSeconds(30), 1.0)); SyncEngine engine = f.engine()) {
            JobWriter writer = new JobWriter(f.clients, new CallRunner(f.options), f.store, Clock.systemUTC());
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("too-late"));
            String id = job.getName().substring(job.getName().lastIndexOf('/') + 1);
            assertThat(writer.cancel(SCOPE, id).job().getState().name()).isEqualTo("JOB_STATE_CANCELLING");
            f.clock.advance(Duration.ofMinutes(1));
            engine.sync(List.of(SCOPE));
            assertThat(f.inventory.dsl().select(NAS_JOBS.STATE).from(NAS_JOBS).fetchOne().value1()).isEqualTo("JOB_STATE_SUCCEEDED");
        }
    }

    @Test
    void aCancelThatComesTooLateForAFailingJobShowsFailedAfterTheNextSync() throws Exception {
        try (SyncFixture f = new SyncFixture(project().withCancellation(Duration.ofSeconds(30), 1.0)); SyncEngine engine = f.engine()) {
            f.emulator.setCreatedJobsFail("The replica workerpool0-0 exited with a non-zero status of 1.");
            JobWriter writer = new JobWriter(f.clients, new CallRunner(f.options), f.store, Clock.systemUTC());
            NasJob job = writer.create(SCOPE, SampleJobs.minimal("fails-anyway"));
            String id = job.getName().substring(job.getName().lastIndexOf('/') + 1);
            assertThat(writer.cancel(SCOPE, id).job().getState().name()).isEqualTo("JOB_STATE_CANCELLING");
            f.clock.advance(Duration.ofMinutes(1));
            engine.sync(List.of(SCOPE));
            var row = f.inventory.dsl().select(NAS_JOBS.STATE, NAS_JOBS.ERROR).from(NAS_JOBS).fetchOne();
            assertThat(row.value1()).isEqualTo("JOB_STATE_FAILED");
            assertThat(row.value2().data()).contains("exited with a non-zero status of 1");
        }
    }
}
