package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.DeleteOperationMetadata;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import com.google.longrunning.Operation;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest.FieldViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per documented behaviour of the service, each naming its source, run through the
 * real Java client. The sources: the 3.86.0 protos' comments, the REST reference, Vertex AI's
 * quota and locations pages, and Google's error model (AIP-193).
 */
class ConformanceTest {
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
    private static final String ALGORITHM = "nas_job.nas_job_spec.multi_trial_algorithm_spec";
    private static final String SEARCH = ALGORITHM + ".search_trial_spec";
    private static final String POOL = SEARCH + ".search_trial_job_spec.worker_pool_specs[0]";

    private interface Body {
        void run(EmulatorServer emulator, JobServiceClient client, ManualClock clock) throws Exception;
    }

    private static void with(EmulatorConfig config, Body body) throws Exception {
        ManualClock clock = new ManualClock(START);
        try (EmulatorServer emulator = EmulatorServer.start(config, clock); JobServiceClient client = TestClients.jobService(emulator)) {
            body.run(emulator, client, clock);
        }
    }

    private static EmulatorConfig projects(String... ids) {
        return EmulatorConfig.empty().withEmptyProjects(Set.of(ids));
    }

    private static ApiException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown instanceof java.util.concurrent.ExecutionException) {
            thrown = thrown.getCause();
        }
        assertThat(thrown).isInstanceOf(ApiException.class);
        return (ApiException) thrown;
    }

    private static List<FieldViolation> violations(JobServiceClient client, UnaryOperator<NasJob.Builder> change) {
        ApiException e = failure(() -> client.createNasJob("projects/p/locations/us-central1",
                change.apply(SampleJobs.minimal("conformance").toBuilder()).build()));
        assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
        assertThat(e.getErrorDetails().getBadRequest()).as("a BadRequest detail").isNotNull();
        return e.getErrorDetails().getBadRequest().getFieldViolationsList();
    }

    private static NasJobSpec.MultiTrialAlgorithmSpec.SearchTrialSpec.Builder search(NasJob.Builder job) {
        return job.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getSearchTrialSpecBuilder();
    }

    private static MachineSpec.Builder machine(NasJob.Builder job) {
        return search(job).getSearchTrialJobSpecBuilder().getWorkerPoolSpecsBuilder(0).getMachineSpecBuilder();
    }

    @Test
    @DisplayName("nas_job.proto + REST reference (projects.locations.nasJobs.create): REQUIRED fields missing are INVALID_ARGUMENT"
            + " in the service's 'List of found errors' form, each a BadRequest field violation")
    void requiredFieldsInTheServicesForm() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            ApiException e = failure(() -> client.createNasJob("projects/p/locations/us-central1",
                    SampleJobs.minimal("").toBuilder().clearNasJobSpec().build()));
            assertThat(e.getMessage()).contains("List of found errors:\t1.Field: nas_job.display_name; Message: Required field is not set.\t"
                    + "2.Field: nas_job.nas_job_spec; Message: Required field is not set.\t");
            assertThat(e.getErrorDetails().getBadRequest().getFieldViolationsList()).extracting(FieldViolation::getField)
                    .containsExactly("nas_job.display_name", "nas_job.nas_job_spec");
        });
    }

    @Test
    @DisplayName("nas_job.proto NasJobSpec: nas_algorithm_spec (multi_trial_algorithm_spec) is needed unless resume_nas_job_id is set;"
            + " a spec holding only search_space_spec is refused")
    void aSpecWithOnlyASearchSpaceIsRefused() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            assertThat(violations(client, j -> j.setNasJobSpec(NasJobSpec.newBuilder().setSearchSpaceSpec("mnasnet"))))
                    .extracting(FieldViolation::getField).containsExactly(ALGORITHM);
            NasJob resumed = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("resume").toBuilder()
                    .setNasJobSpec(NasJobSpec.newBuilder().setResumeNasJobId("1234")).build());
            assertThat(resumed.getState()).isEqualTo(JobState.JOB_STATE_QUEUED);
        });
    }

    @Test
    @DisplayName("nas_job.proto MultiTrialAlgorithmSpec.metric: 'Validation for this field is done at multi_trial_algorithm_spec';"
            + " MetricSpec.metric_id 'Must not contain whitespaces'")
    void theMetricIsRequired() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            assertThat(violations(client, j -> {
                j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().clearMetric();
                return j;
            })).extracting(FieldViolation::getField).containsExactly(ALGORITHM + ".metric");
            assertThat(violations(client, j -> {
                j.getNasJobSpecBuilder().getMultiTrialAlgorithmSpecBuilder().getMetricBuilder().setMetricId("top 1");
                return j;
            })).extracting(FieldViolation::getField).containsExactly(ALGORITHM + ".metric.metric_id");
        });
    }

    @Test
    @DisplayName("nas_job.proto SearchTrialSpec: max_trial_count and max_parallel_trial_count are Required;"
            + " at most max_trial_count trials run in parallel")
    void trialCounts() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            assertThat(violations(client, j -> {
                search(j).setMaxTrialCount(0);
                return j;
            })).extracting(FieldViolation::getField, FieldViolation::getDescription)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SEARCH + ".max_trial_count", "Required field is not set."));
            assertThat(violations(client, j -> {
                search(j).setMaxTrialCount(4).setMaxParallelTrialCount(5);
                return j;
            })).extracting(FieldViolation::getField).containsExactly(SEARCH + ".max_parallel_trial_count");
        });
    }

    @Test
    @DisplayName("custom_job.proto CustomJobSpec.worker_pool_specs is Required: a search trial job without worker pools is refused")
    void workerPoolsAreRequired() throws Exception {
        with(projects("p"), (emulator, client, clock) -> assertThat(violations(client, j -> {
            search(j).getSearchTrialJobSpecBuilder().clearWorkerPoolSpecs();
            return j;
        })).extracting(FieldViolation::getField).containsExactly(SEARCH + ".search_trial_job_spec.worker_pool_specs"));
    }

    @Test
    @DisplayName("machine_resources.proto MachineSpec.machine_type: required in a WorkerPoolSpec, one of custom training's machine types;"
            + " accelerator_type one the machine takes (custom training's compute page)")
    void machineAndAcceleratorTypes() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            assertThat(violations(client, j -> {
                machine(j).setMachineType("");
                return j;
            })).extracting(FieldViolation::getField).containsExactly(POOL + ".machine_spec.machine_type");
            List<FieldViolation> unknown = violations(client, j -> {
                machine(j).setMachineType("n1-standard-3");
                return j;
            });
            assertThat(unknown).extracting(FieldViolation::getDescription).containsExactly("Machine type \"n1-standard-3\" is not supported.");
            assertThat(violations(client, j -> {
                machine(j).setMachineType("a2-highgpu-1g").setAcceleratorType(AcceleratorType.NVIDIA_TESLA_T4).setAcceleratorCount(1);
                return j;
            })).extracting(FieldViolation::getField).containsExactly(POOL + ".machine_spec.accelerator_type");
        });
    }

    @Test
    @DisplayName("Google IAM denial (the service's text): a project the caller may not use, or that does not exist, is PERMISSION_DENIED"
            + " naming the method's permission and the resource")
    void unknownProjectsAreDeniedNamingThePermission() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            ApiException list = failure(() -> client.listNasJobs("projects/nobody/locations/us-central1").iterateAll().iterator().next());
            assertThat(list.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED);
            assertThat(list.getMessage()).contains("Permission 'aiplatform.nasJobs.list' denied on resource"
                    + " '//aiplatform.googleapis.com/projects/nobody/locations/us-central1' (or it may not exist).");
            ApiException get = failure(() -> client.getNasJob("projects/nobody/locations/us-central1/nasJobs/1"));
            assertThat(get.getMessage()).contains("Permission 'aiplatform.nasJobs.get' denied");
            ApiException create = failure(() -> client.createNasJob("projects/nobody/locations/us-central1", SampleJobs.minimal("x")));
            assertThat(create.getMessage()).contains("Permission 'aiplatform.nasJobs.create' denied");
            assertThat(create.getReason()).isEqualTo("IAM_PERMISSION_DENIED");
        });
    }

    @Test
    @DisplayName("AIP-193 ErrorInfo: a project with the Vertex AI API disabled is PERMISSION_DENIED with reason SERVICE_DISABLED")
    void aDisabledApiSaysSo() throws Exception {
        with(projects("p").withDisabledApi(Set.of("off")), (emulator, client, clock) -> {
            ApiException e = failure(() -> client.listNasJobs("projects/off/locations/us-central1").iterateAll().iterator().next());
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED);
            assertThat(e.getReason()).isEqualTo("SERVICE_DISABLED");
            assertThat(e.getDomain()).isEqualTo("googleapis.com");
            assertThat(e.getMessage()).contains("Vertex AI API has not been used in project").contains("Enable it by visiting");
        });
    }

    @Test
    @DisplayName("Vertex AI locations page + locations.proto: ListLocations returns every Vertex AI region, whether or not NAS runs there;"
            + " a region without NAS refuses NasJob calls")
    void everyRegionIsListedAndThoseWithoutNasRefuse() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            List<String> ids = StreamSupport.stream(client.listLocations(ListLocationsRequest.newBuilder().setName("projects/p").build())
                    .iterateAll().spliterator(), false).map(Location::getLocationId).toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(40).contains("us-central1", "europe-west4", "asia-southeast1", "me-west1");
            ApiException e = failure(() -> client.listNasJobs("projects/p/locations/asia-southeast1").iterateAll().iterator().next());
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("not supported in location 'asia-southeast1'");
        });
    }

    @Test
    @DisplayName("Vertex AI quota page: 600 resource management (CRUD) requests per minute per project and region")
    void crudQuota() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            for (int i = 0; i < EmulatorConfig.CRUD_PER_MINUTE; i++) {
                client.listNasJobs("projects/p/locations/us-central1").getPage();
            }
            ApiException e = failure(() -> client.listNasJobs("projects/p/locations/us-central1").getPage());
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getMessage()).contains("'Resource management (CRUD) requests per minute per region'");
            assertThat(client.listNasJobs("projects/p/locations/europe-west4").getPage().getValues()).isEmpty();
        });
    }

    @Test
    @DisplayName("Vertex AI quota page: 60 job or LRO submission requests per minute per project and region, beside the CRUD quota")
    void submissionQuota() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            NasJob last = null;
            for (int i = 0; i < EmulatorConfig.SUBMISSIONS_PER_MINUTE; i++) {
                last = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("job-" + i));
            }
            String name = last.getName();
            ApiException e = failure(() -> client.cancelNasJob(name));
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getMessage()).contains("'Job or LRO submission requests per minute per region'");
            assertThat(client.getNasJob(name).getState()).as("reads still go through").isEqualTo(JobState.JOB_STATE_QUEUED);
            client.createNasJob("projects/p/locations/europe-west4", SampleJobs.minimal("elsewhere"));
        });
    }

    @Test
    @DisplayName("job_service.proto CancelNasJob: asynchronous; the job is CANCELLING, then CANCELLED with error.code 1 (Code.CANCELLED)")
    void cancellationTakesItsTime() throws Exception {
        with(projects("p").withCancellation(Duration.ofMinutes(3), 0), (emulator, client, clock) -> {
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("cancel-me"));
            client.cancelNasJob(job.getName());
            clock.advance(Duration.ofMinutes(2));
            assertThat(client.getNasJob(job.getName()).getState()).isEqualTo(JobState.JOB_STATE_CANCELLING);
            clock.advance(Duration.ofMinutes(2));
            NasJob cancelled = client.getNasJob(job.getName());
            assertThat(cancelled.getState()).isEqualTo(JobState.JOB_STATE_CANCELLED);
            assertThat(cancelled.getError().getCode()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("job_service.proto CancelNasJob: 'The server makes a best effort to cancel the job, but success is not guaranteed'")
    void aCancelMayNotTake() throws Exception {
        with(projects("p").withCancellation(Duration.ofSeconds(30), 1.0), (emulator, client, clock) -> {
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("too-late"));
            client.cancelNasJob(job.getName());
            assertThat(client.getNasJob(job.getName()).getState()).isEqualTo(JobState.JOB_STATE_CANCELLING);
            clock.advance(Duration.ofSeconds(31));
            NasJob ended = client.getNasJob(job.getName());
            assertThat(ended.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
            assertThat(ended.hasError()).isFalse();
        });
    }

    @Test
    @DisplayName("job_service.proto ListNasJobs + REST reference: the listing leaves out nasJobOutput; GetNasJob has it")
    void listingLeavesOutTheOutput() throws Exception {
        with(EmulatorConfig.empty().withSeedData(List.of("p"), List.of("us-central1"), 3, 4), (emulator, client, clock) -> {
            NasJob listed = client.listNasJobs("projects/p/locations/us-central1").iterateAll().iterator().next();
            assertThat(listed.hasNasJobOutput()).isFalse();
            NasJob got = client.getNasJob(listed.getName());
            assertThat(got.getName()).isEqualTo(listed.getName()).matches("projects/\\d+/locations/us-central1/nasJobs/\\d+");
        });
    }

    @Test
    @DisplayName("job_service.proto CancelNasJob: 'success is not guaranteed ... or whether the job completed despite cancellation':"
            + " a job whose cancel did not take may still end FAILED, with its own error")
    void aCancelThatDidNotTakeMayEndFailed() throws Exception {
        with(projects("p").withCancellation(Duration.ofSeconds(30), 1.0), (emulator, client, clock) -> {
            emulator.setCreatedJobsFail("The replica workerpool0-0 exited with a non-zero status of 1.");
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("fails-anyway"));
            client.cancelNasJob(job.getName());
            assertThat(client.getNasJob(job.getName()).getState()).isEqualTo(JobState.JOB_STATE_CANCELLING);
            clock.advance(Duration.ofSeconds(31));
            NasJob ended = client.getNasJob(job.getName());
            assertThat(ended.getState()).isEqualTo(JobState.JOB_STATE_FAILED);
            assertThat(ended.getError().getCode()).as("not Code.CANCELLED: the cancel did not take").isNotEqualTo(1);
            assertThat(ended.getError().getMessage()).isEqualTo("The replica workerpool0-0 exited with a non-zero status of 1.");
            assertThat(ended.hasEndTime()).isTrue();
        });
    }

    @Test
    @DisplayName("job_service.proto CancelNasJob + AIP-193 FAILED_PRECONDITION: a job already in a final state cannot be cancelled")
    void cancellingAFinishedJobIsAFailedPrecondition() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("finished"));
            clock.advance(Duration.ofMinutes(2));
            ApiException e = failure(() -> client.cancelNasJob(job.getName()));
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
            assertThat(e.getMessage()).contains("is in state JOB_STATE_SUCCEEDED and cannot be cancelled");
            assertThat(client.getNasJob(job.getName()).getState()).as("the job is left as it was").isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        });
    }

    @Test
    @DisplayName("job_service.proto DeleteNasJob + AIP-135/AIP-193 FAILED_PRECONDITION: a job not yet in a final state cannot be deleted")
    void deletingAnUnfinishedJobIsAFailedPrecondition() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("running"));
            ApiException e = failure(() -> client.deleteNasJobCallable().call(
                    com.google.cloud.aiplatform.v1.DeleteNasJobRequest.newBuilder().setName(job.getName()).build()));
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.FAILED_PRECONDITION);
            assertThat(e.getMessage()).contains("is in state JOB_STATE_QUEUED").contains("Cancel it first.");
            assertThat(client.getNasJob(job.getName()).getName()).as("the job is still there").isEqualTo(job.getName());
        });
    }

    @Test
    @DisplayName("job_service.proto DeleteNasJob: a google.longrunning.Operation (response Empty, metadata DeleteOperationMetadata);"
            + " operations.proto GetOperation reports it done once the job is gone, which is then NOT_FOUND")
    void deleteIsALongRunningOperationPolledWithGetOperation() throws Exception {
        with(projects("p").withOperationDelay(Duration.ofMillis(500)), (emulator, client, clock) -> {
            NasJob job = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("to-delete"));
            clock.advance(Duration.ofMinutes(2));
            Operation started = client.deleteNasJobCallable().call(
                    com.google.cloud.aiplatform.v1.DeleteNasJobRequest.newBuilder().setName(job.getName()).build());
            assertThat(started.getName()).matches("projects/\\d+/locations/us-central1/operations/\\d+");
            assertThat(started.getDone()).isFalse();
            assertThat(started.getMetadata().is(DeleteOperationMetadata.class)).isTrue();
            Operation polled = client.getOperationsClient().getOperation(started.getName());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!polled.getDone() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                polled = client.getOperationsClient().getOperation(started.getName());
            }
            assertThat(polled.getDone()).isTrue();
            assertThat(polled.hasError()).isFalse();
            assertThat(polled.getResponse().is(Empty.class)).isTrue();
            assertThat(failure(() -> client.getNasJob(job.getName())).getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
            assertThat(failure(() -> client.getOperationsClient().getOperation("projects/p/locations/us-central1/operations/42"))
                    .getStatusCode().getCode()).isEqualTo(StatusCode.Code.NOT_FOUND);
        });
    }

    @Test
    @DisplayName("Vertex AI locations page: a location that is not a Vertex AI region is INVALID_ARGUMENT, not an empty listing")
    void anUnknownLocationIsInvalid() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            ApiException e = failure(() -> client.listNasJobs("projects/p/locations/mars-north1").iterateAll().iterator().next());
            assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains("Location 'mars-north1' is not a Vertex AI location.");
        });
    }

    @Test
    @DisplayName("AIP-158 pagination: a page token the service did not issue for this parent, or a negative page_size, is INVALID_ARGUMENT")
    void badPageTokensAndSizesAreInvalid() throws Exception {
        with(EmulatorConfig.empty().withSeedData(List.of("p"), List.of("us-central1", "europe-west4"), 3, 4), (emulator, client, clock) -> {
            ListNasJobsRequest first = ListNasJobsRequest.newBuilder().setParent("projects/p/locations/us-central1").setPageSize(1).build();
            String token = client.listNasJobsCallable().call(first).getNextPageToken();
            assertThat(token).isNotEmpty();
            assertThat(client.listNasJobsCallable().call(first.toBuilder().setPageToken(token).build()).getNasJobsCount()).isEqualTo(1);
            ApiException bogus = failure(() -> client.listNasJobsCallable().call(first.toBuilder().setPageToken("bogus").build()));
            assertThat(bogus.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
            assertThat(bogus.getMessage()).contains("Invalid page_token 'bogus'.");
            ApiException foreign = failure(() -> client.listNasJobsCallable().call(first.toBuilder()
                    .setParent("projects/p/locations/europe-west4").setPageToken(token).build()));
            assertThat(foreign.getStatusCode().getCode()).as("another parent's token").isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
            ApiException size = failure(() -> client.listNasJobsCallable().call(first.toBuilder().setPageSize(-1).build()));
            assertThat(size.getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
            assertThat(size.getMessage()).contains("page_size must not be negative, not -1.");
        });
    }

    @Test
    @DisplayName("nas_job.proto OUTPUT_ONLY fields (name, state, create_time, end_time, error, nas_job_output) + AIP-203:"
            + " set on input they are ignored, not an error")
    void outputOnlyFieldsOnInputAreIgnored() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            NasJob asked = SampleJobs.minimal("sneaky").toBuilder()
                    .setName("projects/x/locations/y/nasJobs/1")
                    .setState(JobState.JOB_STATE_SUCCEEDED)
                    .setCreateTime(Timestamp.newBuilder().setSeconds(5))
                    .setEndTime(Timestamp.newBuilder().setSeconds(5))
                    .setError(com.google.rpc.Status.newBuilder().setCode(13).setMessage("not mine"))
                    .build();
            NasJob created = client.createNasJob("projects/p/locations/us-central1", asked);
            assertThat(created.getName()).startsWith("projects/").doesNotContain("projects/x");
            assertThat(created.getState()).isEqualTo(JobState.JOB_STATE_QUEUED);
            assertThat(created.getCreateTime().getSeconds()).isEqualTo(START.getEpochSecond());
            assertThat(created.hasEndTime()).isFalse();
            assertThat(created.hasError()).isFalse();
        });
    }

    @Test
    @DisplayName("nas_job.proto display_name 'up to 128 characters long ... any UTF-8 characters'; labels 'keys and values no longer than"
            + " 64 characters (Unicode codepoints) ... lowercase letters, numeric characters, underscores and dashes. International"
            + " characters are allowed'")
    void displayNameAndLabelLimits() throws Exception {
        with(projects("p"), (emulator, client, clock) -> {
            assertThat(violations(client, j -> j.setDisplayName("x".repeat(129)))).extracting(FieldViolation::getField)
                    .containsExactly("nas_job.display_name");
            assertThat(violations(client, j -> j.putLabels("Team", "x"))).extracting(FieldViolation::getField)
                    .containsExactly("nas_job.labels");
            assertThat(violations(client, j -> j.putLabels("k".repeat(65), "x"))).extracting(FieldViolation::getField)
                    .containsExactly("nas_job.labels");
            assertThat(violations(client, j -> j.putLabels("team", "y".repeat(65)))).extracting(FieldViolation::getField)
                    .containsExactly("nas_job.labels");
            NasJob international = client.createNasJob("projects/p/locations/us-central1", SampleJobs.minimal("\u00e9".repeat(128))
                    .toBuilder().putLabels("\u00e9quipe", "visi\u00f3n").putLabels("k".repeat(64), "v".repeat(64)).build());
            assertThat(international.getDisplayName()).hasSize(128);
            assertThat(international.getLabelsMap()).containsEntry("\u00e9quipe", "visi\u00f3n");
        });
    }
}
