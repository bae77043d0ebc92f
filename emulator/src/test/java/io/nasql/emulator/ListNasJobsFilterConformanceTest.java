package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.ContainerSpec;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.aiplatform.v1.WorkerPoolSpec;
import com.google.protobuf.FieldMask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ListNasJobs' {@code filter} and {@code read_mask} through the real client, one test per
 * documented behaviour. Source: the comments of {@code ListNasJobsRequest} in
 * google/cloud/aiplatform/v1/job_service.proto (3.86.0).
 */
class ListNasJobsFilterConformanceTest {
    private static final String PARENT = "projects/proj-f/locations/us-central1";
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static ManualClock clock;
    private static EmulatorServer emulator;
    private static JobServiceClient client;

    @BeforeAll
    static void start() throws Exception {
        clock = new ManualClock(T0);
        emulator = EmulatorServer.start(EmulatorConfig.empty().withSeedData(List.of("proj-f"), List.of("us-central1"), 12, 5), clock);
        client = TestClients.jobService(emulator);
        create("my_job_alpha", Map.of("squad", "vision", "reviewer", "dana"));
        clock.advance(Duration.ofHours(1));
        create("my_job_beta", Map.of("squad", "speech"));
        clock.advance(Duration.ofHours(1));
        create("other \"quoted\" job", Map.of());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static void create(String displayName, Map<String, String> labels) {
        WorkerPoolSpec pool = WorkerPoolSpec.newBuilder()
                .setMachineSpec(MachineSpec.newBuilder().setMachineType("n1-standard-16")
                        .setAcceleratorType(AcceleratorType.NVIDIA_TESLA_T4).setAcceleratorCount(1))
                .setReplicaCount(1)
                .setContainerSpec(ContainerSpec.newBuilder().setImageUri("us-docker.pkg.dev/p/r/trainer:1"))
                .build();
        NasJobSpec spec = NasJobSpec.newBuilder().setSearchSpaceSpec("spinenet").setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                .setMultiTrialAlgorithm(MultiTrialAlgorithmSpec.MultiTrialAlgorithm.REINFORCEMENT_LEARNING)
                .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId("top1").setGoal(MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE))
                .setSearchTrialSpec(MultiTrialAlgorithmSpec.SearchTrialSpec.newBuilder().setMaxTrialCount(10).setMaxParallelTrialCount(2)
                        .setSearchTrialJobSpec(CustomJobSpec.newBuilder().addWorkerPoolSpecs(pool)))).build();
        client.createNasJob(PARENT, NasJob.newBuilder().setDisplayName(displayName).putAllLabels(labels).setNasJobSpec(spec).build());
    }

    private static List<NasJob> list(String filter) {
        return list(ListNasJobsRequest.newBuilder().setParent(PARENT).setFilter(filter).build());
    }

    private static List<NasJob> list(ListNasJobsRequest request) {
        return StreamSupport.stream(client.listNasJobs(request).iterateAll().spliterator(), false).toList();
    }

    private static List<String> names(String filter) {
        return list(filter).stream().map(NasJob::getDisplayName).sorted().toList();
    }

    /** What the unfiltered list holds that the predicate keeps: the truth a filter must match. */
    private static List<String> expected(Predicate<NasJob> keep) {
        return list("").stream().filter(keep).map(NasJob::getDisplayName).sorted().toList();
    }

    private static String invalid(String filter) {
        Throwable thrown = catchThrowable(() -> list(filter));
        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
        return thrown.getMessage();
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `display_name` supports `=`, `!=` comparisons")
    void displayNameEquality() {
        assertThat(names("display_name=\"my_job_alpha\"")).containsExactly("my_job_alpha");
        assertThat(names("display_name = \"other \\\"quoted\\\" job\"")).containsExactly("other \"quoted\" job");
        assertThat(names("display_name!=\"my_job_alpha\"")).isEqualTo(expected(j -> !j.getDisplayName().equals("my_job_alpha"))).hasSizeGreaterThan(10);
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `display_name` supports `:` wildcard, e.g. display_name:\"my_job_*\"")
    void displayNameWildcard() {
        assertThat(names("display_name:\"my_job_*\"")).containsExactly("my_job_alpha", "my_job_beta");
        assertThat(names("display_name:\"*beta\"")).containsExactly("my_job_beta");
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `state` supports `=`, `!=` comparisons")
    void state() {
        assertThat(names("state=\"JOB_STATE_SUCCEEDED\"")).isEqualTo(expected(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED)).isNotEmpty();
        assertThat(names("state!=JOB_STATE_FAILED")).isEqualTo(expected(j -> j.getState() != JobState.JOB_STATE_FAILED));
        assertThat(invalid("state=\"JOB_STATE_NAPPING\"")).contains("JOB_STATE_NAPPING");
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `create_time` supports `=`, `!=`, `<`, `<=`, `>`, `>=` comparisons in RFC 3339")
    void createTime() {
        Instant beta = T0.plus(Duration.ofHours(1));
        assertThat(names("create_time>=\"" + beta + "\"")).containsExactly("my_job_beta", "other \"quoted\" job");
        assertThat(names("create_time>\"" + beta + "\"")).containsExactly("other \"quoted\" job");
        assertThat(names("create_time=\"2026-11-01T12:00:00+01:00\"")).containsExactly("my_job_beta");
        assertThat(names("create_time<\"" + beta + "\"")).isEqualTo(expected(j -> j.getCreateTime().getSeconds() < beta.getEpochSecond()));
        assertThat(names("create_time<=\"" + beta + "\"")).contains("my_job_alpha", "my_job_beta").doesNotContain("other \"quoted\" job");
        assertThat(names("create_time!=\"" + beta + "\"")).doesNotContain("my_job_beta").contains("my_job_alpha");
        assertThat(invalid("create_time>\"yesterday\"")).contains("RFC 3339");
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `labels.key=value` - key:value equality")
    void labelEquality() {
        assertThat(names("labels.squad=vision")).containsExactly("my_job_alpha");
        assertThat(names("labels.squad=\"speech\"")).containsExactly("my_job_beta");
        assertThat(names("labels.squad=robots")).isEmpty();
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter: `labels.key:*` - key existence")
    void labelExistence() {
        assertThat(names("labels.reviewer:*")).containsExactly("my_job_alpha");
        assertThat(names("labels.squad:*")).containsExactly("my_job_alpha", "my_job_beta");
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter examples: AND, OR and NOT, e.g. `state!=\"JOB_STATE_FAILED\" OR display_name=\"my_job\"`")
    void booleanOperators() {
        JobState alpha = list("display_name=\"my_job_alpha\"").get(0).getState();
        assertThat(names("state=\"" + alpha + "\" AND display_name:\"my_job_*\""))
                .isEqualTo(expected(j -> j.getState() == alpha && j.getDisplayName().startsWith("my_job_"))).contains("my_job_alpha");
        assertThat(names("labels.squad=vision OR labels.squad=speech")).containsExactly("my_job_alpha", "my_job_beta");
        assertThat(names("NOT display_name=\"my_job_alpha\"")).isEqualTo(expected(j -> !j.getDisplayName().equals("my_job_alpha")));
        assertThat(names("display_name:\"my_job_*\" AND NOT (labels.reviewer:* OR labels.squad=robots)")).containsExactly("my_job_beta");
        assertThat(names("labels.squad:* labels.reviewer=dana")).containsExactly("my_job_alpha");
        assertThat(names("state!=\"JOB_STATE_FAILED\" OR display_name=\"my_job\""))
                .isEqualTo(expected(j -> j.getState() != JobState.JOB_STATE_FAILED));
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.filter lists the supported fields: any other is INVALID_ARGUMENT naming it")
    void unsupportedFields() {
        assertThat(invalid("update_time>\"2026-01-01T00:00:00Z\"")).contains("update_time");
        assertThat(invalid("displayName=\"x\"")).contains("displayName");
        assertThat(invalid("state<\"JOB_STATE_FAILED\"")).contains("state").contains("<");
        assertThat(invalid("display_name=\"x")).contains("not closed");
        assertThat(invalid("(state=JOB_STATE_FAILED")).contains("not closed");
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.page_size/page_token: pages of a filtered list hold only matches")
    void filteredPages() {
        ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent(PARENT).setFilter("NOT display_name:\"my_job_*\"").setPageSize(2).build();
        var first = client.listNasJobs(request).getPage();
        assertThat(first.getValues()).hasSize(2);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(list(request).stream().map(NasJob::getDisplayName).sorted().toList())
                .isEqualTo(expected(j -> !j.getDisplayName().startsWith("my_job_")));
    }

    @Test
    @DisplayName("job_service.proto ListNasJobsRequest.read_mask: Mask specifying which fields to read")
    void readMask() {
        List<NasJob> jobs = list(ListNasJobsRequest.newBuilder().setParent(PARENT).setFilter("labels.squad=vision")
                .setReadMask(FieldMask.newBuilder().addPaths("name").addPaths("display_name").addPaths("labels")).build());
        assertThat(jobs).hasSize(1);
        NasJob job = jobs.get(0);
        assertThat(job.getName()).startsWith("projects/");
        assertThat(job.getDisplayName()).isEqualTo("my_job_alpha");
        assertThat(job.getLabelsMap()).containsEntry("reviewer", "dana");
        assertThat(job.hasNasJobSpec()).isFalse();
        assertThat(job.hasCreateTime()).isFalse();
        assertThat(job.getState()).isEqualTo(JobState.JOB_STATE_UNSPECIFIED);
        Throwable thrown = catchThrowable(() -> list(ListNasJobsRequest.newBuilder().setParent(PARENT)
                .setReadMask(FieldMask.newBuilder().addPaths("colour")).build()));
        assertThat(((ApiException) thrown).getStatusCode().getCode()).isEqualTo(StatusCode.Code.INVALID_ARGUMENT);
        assertThat(thrown.getMessage()).contains("colour");
    }
}
