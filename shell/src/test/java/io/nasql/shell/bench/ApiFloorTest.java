package io.nasql.shell.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiFloorTest {
    @Test
    void itMakesTheCallsASyncMustAndNoOthers() throws Exception {
        List<String> locations = List.of("us-central1", "europe-west4");
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001", "proj-002"), locations, 3, 2), new ManualClock(Instant.now()))) {
            assertThat(ApiFloor.run(emulator.endpoint(), false, List.of("proj-001", "proj-002"), locations, 2))
                    .isEqualTo("4 scopes, 12 jobs, 4 API calls");
            assertThat(emulator.stats().calls("ListNasJobs")).isEqualTo(4);
            assertThat(emulator.stats().calls("GetNasJob")).isZero();

            assertThat(ApiFloor.run(emulator.endpoint(), true, List.of("proj-001", "proj-002"), locations, 2))
                    .isEqualTo("4 scopes, 12 jobs, 16 API calls");
            assertThat(emulator.stats().calls("ListNasJobs")).isEqualTo(8);
            assertThat(emulator.stats().calls("GetNasJob")).isEqualTo(12);
        }
    }
}
