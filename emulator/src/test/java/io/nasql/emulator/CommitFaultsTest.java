package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.NasJob;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault that acts and then fails, as the real client sees it. */
class CommitFaultsTest {
    private static final String PARENT = "projects/proj-c/locations/us-central1";

    @Test
    void aCreateThatFailsAfterCommitHasCreatedTheJobAnyway() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(java.util.Set.of("proj-c")), new ManualClock(Instant.parse("2026-11-01T10:00:00Z")));
             JobServiceClient client = TestClients.jobService(emulator)) {
            NasJob seed = validJob();
            emulator.setFailAfterCommitRate(1.0);
            Throwable thrown = catchThrowable(() -> client.createNasJob(PARENT, seed));
            assertThat(((ApiException) thrown).getStatusCode().getCode()).isEqualTo(StatusCode.Code.UNAVAILABLE);
            assertThat(emulator.jobs()).extracting(NasJob::getDisplayName).containsExactly("after-commit");
            emulator.setFailAfterCommitRate(0);
            client.createNasJob(PARENT, seed);
            assertThat(emulator.jobs()).hasSize(2);
        }
    }

    @Test
    void theFaultCanAnswerDeadlineExceededOrInternalInstead() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withEmptyProjects(java.util.Set.of("proj-c")), new ManualClock(Instant.parse("2026-11-01T10:00:00Z")));
             JobServiceClient client = TestClients.jobService(emulator)) {
            NasJob seed = validJob();
            emulator.setFailAfterCommitRate(1.0, "DEADLINE_EXCEEDED");
            assertThat(((ApiException) catchThrowable(() -> client.createNasJob(PARENT, seed))).getStatusCode().getCode())
                    .isEqualTo(StatusCode.Code.DEADLINE_EXCEEDED);
            emulator.setFailAfterCommitRate(1.0, "INTERNAL");
            assertThat(((ApiException) catchThrowable(() -> client.createNasJob(PARENT, seed))).getStatusCode().getCode())
                    .isEqualTo(StatusCode.Code.INTERNAL);
            assertThat(emulator.jobs()).as("each call acted before it failed").hasSize(2);
            assertThat(catchThrowable(() -> emulator.setFailAfterCommitRate(1.0, "NOT_FOUND"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A job the emulator accepts: the first seeded job's spec under a new name. */
    private static NasJob validJob() throws Exception {
        try (EmulatorServer seeded = EmulatorServer.start(EmulatorConfig.empty().withSeedData(List.of("s"), List.of("us-central1"), 1, 1),
                new ManualClock(Instant.parse("2026-11-01T10:00:00Z")))) {
            NasJob any = seeded.jobs().get(0);
            return NasJob.newBuilder().setDisplayName("after-commit").setNasJobSpec(any.getNasJobSpec()).build();
        }
    }
}
