package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each configured fault, as the real client sees it. */
class FaultsTest {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));

    private static StatusCode.Code listCode(JobServiceClient client, String parent) {
        Throwable thrown = catchThrowable(() -> client.listNasJobs(parent).iterateAll().forEach(j -> { }));
        return thrown == null ? StatusCode.Code.OK : ((ApiException) thrown).getStatusCode().getCode();
    }

    @Test
    void anErrorRateOfOneAnswersEveryCallUnavailable() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(Set.of("p")).withErrorRate(1.0), CLOCK);
             JobServiceClient client = TestClients.jobService(emulator)) {
            assertThat(listCode(client, "projects/p/locations/us-central1")).isEqualTo(StatusCode.Code.UNAVAILABLE);
        }
    }

    @Test
    void anErrorRateFailsAboutThatFractionOfCalls() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(Set.of("p")).withErrorRate(0.3), CLOCK);
             JobServiceClient client = TestClients.jobService(emulator)) {
            int failed = 0;
            for (int i = 0; i < 200; i++) {
                failed += listCode(client, "projects/p/locations/us-central1") == StatusCode.Code.UNAVAILABLE ? 1 : 0;
            }
            assertThat(failed).isBetween(30, 90);
        }
    }

    @Test
    void deniedProjectsArePermissionDeniedAndOthersAreNot() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(Set.of("open")).withDenyProjects(Set.of("secret")), CLOCK);
             JobServiceClient client = TestClients.jobService(emulator)) {
            assertThat(listCode(client, "projects/secret/locations/us-central1")).isEqualTo(StatusCode.Code.PERMISSION_DENIED);
            assertThat(listCode(client, "projects/open/locations/us-central1")).isEqualTo(StatusCode.Code.OK);
        }
    }

    @Test
    void callsBeyondTheQuotaOfAScopeAreResourceExhausted() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(Set.of("q")).withQuota(3, Duration.ofMinutes(1)), CLOCK);
             JobServiceClient client = TestClients.jobService(emulator)) {
            for (int i = 0; i < 3; i++) {
                assertThat(listCode(client, "projects/q/locations/us-central1")).isEqualTo(StatusCode.Code.OK);
            }
            assertThat(listCode(client, "projects/q/locations/us-central1")).isEqualTo(StatusCode.Code.RESOURCE_EXHAUSTED);
            assertThat(listCode(client, "projects/q/locations/europe-west4")).isEqualTo(StatusCode.Code.OK);
        }
    }

    @Test
    void latencyDelaysEveryCallAndCallsAreCounted() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("p"), List.of("us-central1"), 3, 1).withLatency(Duration.ofMillis(100)), CLOCK);
             JobServiceClient client = TestClients.jobService(emulator)) {
            long start = System.nanoTime();
            client.getNasJob(emulator.jobs().get(0).getName());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(emulator.stats().calls("GetNasJob")).isEqualTo(1);
            assertThat(emulator.stats().peakInFlight()).isEqualTo(1);
        }
    }
}
