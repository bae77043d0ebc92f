package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.cloud.aiplatform.v1.NasTrialDetail;
import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
    private static final String PARENT = "projects/proj-a/locations/us-central1";

    private static ManualClock clock;
    private static EmulatorServer emulator;
    private static JobServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        clock = new ManualClock(START);
        emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("seeded"), EmulatorConfig.DEFAULT_LOCATIONS, 1000, 7)
                .withEmptyProjects(Set.of("proj-a", "life", "cancel", "del", "trials"))
                // Long enough that the job is still there when the test looks, on a loaded machine.
                .withOperationDelay(Duration.ofSeconds(2)), clock);
        client = TestClients.jobService(emulator);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static StatusCode.Code codeOf(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        if (thrown instanceof ExecutionException) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(ApiException.class);
        return ((ApiException) thrown).getStatusCode().getCode();
    }

    @Test
    void createThenGetReturnsTheJobWithAProjectNumberInItsName() {
        Instant now = clock.now();
        NasJob created = client.createNasJob(PARENT, SampleJobs.minimal("search-1"));
        assertThat(created.getName()).matches("projects/\\d{12}/locations/us-central1/nasJobs/\\d{19}");
        assertThat(created.getState()).isEqualTo(JobState.JOB_STATE_QUEUED);
        assertThat(created.getCreateTime()).isEqualTo(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).build());
        assertThat(client.getNasJob(created.getName())).isEqualTo(created);
        String byId = created.getName().replaceFirst("projects/\\d+", "projects/proj-a");
        assertThat(client.getNasJob(byId)).isEqualTo(created);
    }

    @Test
    void missingRequiredFieldsAreNamedByTheirPathAtAnyDepth() {
        ApiException e = (ApiException) org.assertj.core.api.Assertions.catchThrowable(() -> client.createNasJob(PARENT,
                NasJob.newBuilder().setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(
                        MultiTrialAlgorithmSpec.newBuilder().setSearchTrialSpec(MultiTrialAlgorithmSpec.SearchTrialSpec.newBuilder()
                                .setMaxTrialCount(3).setMaxParallelTrialCount(1)
                                .setSearchTrialJobSpec(CustomJobSpec.newBuilder())))).build()));
        assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("Field: nas_job.display_name;")
                .contains("Field: nas_job.nas_job_spec.multi_trial_algorithm_spec.search_trial_spec.search_trial_job_spec.worker_pool_specs;")
                .doesNotContain("Field: nas_job.nas_job_spec.multi_trial_algorithm_spec.search_trial_spec.max_trial_count;");
    }

    @Test
    void malformedNamesAreInvalidAndUnknownJobsNotFound() {
        assertThat(codeOf(() -> client.getNasJob("projects/proj-a/nasJobs/1"))).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> client.getNasJob(PARENT + "/nasJobs/42"))).isEqualTo(StatusCode.Code.NOT_FOUND);
        assertThat(codeOf(() -> client.getNasJob("projects/proj-a/locations/mars-north1/nasJobs/42")))
                .isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
    }

    @Test
    void listingPagesThroughAThousandJobsInAStableOrderWithoutOutputs() {
        List<String> names = new ArrayList<>();
        var pages = client.listNasJobs(ListNasJobsRequest.newBuilder()
                .setParent("projects/seeded/locations/europe-west4").setPageSize(100).build());
        int pageCount = 0;
        for (var page : pages.iteratePages()) {
            pageCount++;
            page.getValues().forEach(job -> {
                assertThat(job.hasNasJobOutput()).isFalse();
                names.add(job.getName());
            });
        }
        assertThat(pageCount).isEqualTo(10);
        assertThat(names).hasSize(1000).doesNotHaveDuplicates().isSorted();
        assertThat(codeOf(() -> client.listNasJobs(ListNasJobsRequest.newBuilder().setParent(PARENT).setPageToken("bogus").build())
                .iterateAll().iterator().next())).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
    }

    @Test
    void aJobMovesThroughItsLifecycleWithTrialsOnTheClock() {
        NasJob created = client.createNasJob("projects/life/locations/us-central1", SampleJobs.minimal("lifecycle"));
        clock.advance(Duration.ofSeconds(5));
        assertThat(client.getNasJob(created.getName()).getState()).isEqualTo(JobState.JOB_STATE_PENDING);
        clock.advance(Duration.ofSeconds(10));
        NasJob running = client.getNasJob(created.getName());
        assertThat(running.getState()).isEqualTo(JobState.JOB_STATE_RUNNING);
        assertThat(running.hasStartTime()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        NasJob halfway = client.getNasJob(created.getName());
        List<NasTrial> trials = halfway.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsList();
        assertThat(trials.stream().filter(t -> t.getState() == NasTrial.State.SUCCEEDED)).hasSize(5);
        assertThat(trials.get(0).getFinalMeasurement().getMetrics(0).getMetricId()).isEqualTo("top1_accuracy");
        assertThat(halfway.getNasJobOutput().getMultiTrialJobOutput().getTrainTrialsCount()).isEqualTo(1);
        assertThat(halfway.getUpdateTime().getSeconds()).isGreaterThan(running.getUpdateTime().getSeconds());
        clock.advance(Duration.ofSeconds(30));
        NasJob done = client.getNasJob(created.getName());
        assertThat(done.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        assertThat(done.hasEndTime()).isTrue();
        assertThat(done.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsCount()).isEqualTo(10);
        assertThat(done.getUpdateTime()).isEqualTo(done.getEndTime());
    }

    @Test
    void cancelMovesAJobThroughCancellingToCancelledAndRefusesFinishedJobs() {
        NasJob created = client.createNasJob("projects/cancel/locations/us-central1", SampleJobs.minimal("to-cancel"));
        client.cancelNasJob(created.getName());
        assertThat(client.getNasJob(created.getName()).getState()).isEqualTo(JobState.JOB_STATE_CANCELLING);
        clock.advance(Duration.ofSeconds(3));
        NasJob cancelled = client.getNasJob(created.getName());
        assertThat(cancelled.getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
        assertThat(cancelled.getError().getCode()).isEqualTo(1);
        assertThat(cancelled.hasEndTime()).isTrue();
        assertThat(codeOf(() -> client.cancelNasJob(created.getName()))).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
    }

    @Test
    void deleteRefusesUnfinishedJobsAndAwaitsTheOperationForFinishedOnes() throws Exception {
        NasJob created = client.createNasJob("projects/del/locations/us-central1", SampleJobs.minimal("to-delete"));
        assertThat(codeOf(() -> client.deleteNasJobAsync(created.getName()).get())).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
        clock.advance(Duration.ofMinutes(2));
        var operation = client.deleteNasJobAsync(created.getName());
        assertThat(operation.getInitialFuture().get().isDone()).isFalse();
        assertThat(client.getNasJob(created.getName()).getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        operation.get();
        assertThat(codeOf(() -> client.getNasJob(created.getName()))).isEqualTo(StatusCode.Code.NOT_FOUND);
    }

    @Test
    void trialDetailsComeFromTheJobsOutput() {
        NasJob created = client.createNasJob("projects/trials/locations/us-central1", SampleJobs.minimal("trials"));
        clock.advance(Duration.ofMinutes(2));
        List<NasTrialDetail> details = new ArrayList<>();
        client.listNasTrialDetails(created.getName()).iterateAll().forEach(details::add);
        assertThat(details).hasSize(10);
        NasTrialDetail fifth = client.getNasTrialDetail(created.getName() + "/nasTrialDetails/5");
        assertThat(fifth.getSearchTrial().getId()).isEqualTo("5");
        assertThat(fifth.getTrainTrial().getId()).isEqualTo("5");
        assertThat(codeOf(() -> client.getNasTrialDetail(created.getName() + "/nasTrialDetails/99"))).isEqualTo(StatusCode.Code.NOT_FOUND);
    }

    @Test
    void locationsAreEveryVertexRegionAndGetLocationNamesOne() {
        List<String> ids = StreamSupport.stream(client.listLocations(ListLocationsRequest.newBuilder().setName("projects/proj-a").build())
                .iterateAll().spliterator(), false).map(Location::getLocationId).toList();
        assertThat(ids).hasSize(Regions.VERTEX_AI.size()).contains("us-central1", "europe-west4", "asia-east1");
        assertThat(client.getLocation(GetLocationRequest.newBuilder().setName(PARENT).build()).getLocationId()).isEqualTo("us-central1");
    }

    @Test
    void otherJobServiceMethodsAreUnimplemented() {
        assertThat(codeOf(() -> client.listCustomJobs(LocationName.of("proj-a", "us-central1")).iterateAll().iterator().next()))
                .isEqualTo(StatusCode.Code.UNIMPLEMENTED);
    }

    @Test
    void seedDataIsRealisticDeterministicAndCoversEveryState() throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(2), EmulatorConfig.DEFAULT_LOCATIONS, 5, 42);
        try (EmulatorServer a = EmulatorServer.start(config, new ManualClock(START));
             EmulatorServer b = EmulatorServer.start(config, new ManualClock(START))) {
            assertThat(a.jobs()).isEqualTo(b.jobs()).hasSize(20);
            Set<JobState> states = new HashSet<>();
            a.jobs().forEach(j -> states.add(j.getState()));
            assertThat(states).contains(JobState.JOB_STATE_QUEUED, JobState.JOB_STATE_PENDING, JobState.JOB_STATE_RUNNING,
                    JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED);
            NasJob failed = a.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_FAILED).findFirst().orElseThrow();
            assertThat(failed.getError().getMessage()).isNotEmpty();
            assertThat(failed.getLabelsMap()).containsKeys("team", "owner");
            assertThat(failed.getNasJobSpec().getMultiTrialAlgorithmSpec().getSearchTrialSpec().getSearchTrialJobSpec()
                    .getWorkerPoolSpecs(0).getContainerSpec().getImageUri()).isNotEmpty();
            assertThat(failed.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsCount()).isPositive();
        }
    }

    @Test
    void latencyAwareSeededJobsRecordAccuracyAndLatencyThatTradeOffAndSomeTrialsFail() throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(3), EmulatorConfig.DEFAULT_LOCATIONS, 8, 2026);
        try (EmulatorServer server = EmulatorServer.start(config, new ManualClock(START))) {
            List<NasTrial> paired = new ArrayList<>();
            int infeasible = 0;
            for (NasJob job : server.jobs()) {
                String space = job.getNasJobSpec().getSearchSpaceSpec();
                for (NasTrial trial : job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsList()) {
                    if (trial.getState() == NasTrial.State.INFEASIBLE) {
                        assertThat(trial.hasFinalMeasurement()).isFalse();
                        infeasible++;
                    } else if (trial.getState() == NasTrial.State.SUCCEEDED) {
                        boolean latencyAware = space.equals("mnasnet") || space.equals("tunas_mobilenet");
                        assertThat(trial.getFinalMeasurement().getMetricsCount()).isEqualTo(latencyAware ? 2 : 1);
                        if (latencyAware) {
                            paired.add(trial);
                        }
                    }
                }
            }
            assertThat(infeasible).isPositive();
            assertThat(paired).hasSizeGreaterThan(20);
            // Over the trials, the more accurate architectures are the slower ones: a trade-off, not noise.
            double[] accuracy = paired.stream().mapToDouble(t -> metric(t, "top1_accuracy")).toArray();
            double[] latency = paired.stream().mapToDouble(t -> metric(t, "latency_ms")).toArray();
            assertThat(correlation(accuracy, latency)).isGreaterThan(0.5);
        }
    }

    private static double metric(NasTrial trial, String id) {
        return trial.getFinalMeasurement().getMetricsList().stream().filter(m -> m.getMetricId().equals(id)).findFirst().orElseThrow().getValue();
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
