package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API error's text is not nasql's: the emulator's names the locations it serves, here one that looks like a
 * secret. The SYNC result table and the read-through warning show such text masked.
 */
class MaskedProblemsTest {
    private static final String SERVED = "password=hunter2secret";

    @Test
    void syncResultsAndReadThroughWarningsMaskWhatTheApiEchoes(@TempDir Path home) throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("sec-a"), List.of(SERVED), 1, 5), EmulatorClock.system(1))) {
            String[] target = {"--db", Cli.memoryDb(), "--endpoint", emulator.endpoint(), "--plaintext", "--projects", "sec-a",
                    "--locations", "us-central1", "-o", "text"};
            Cli.Result sync = Cli.run(home, "", concat(target, "-e", "SYNC"));
            assertThat(sync.out() + sync.err()).contains("INVALID_ARGUMENT").contains("password=***").doesNotContain("hunter2secret");
            Cli.Result read = Cli.run(home, "", concat(target, "-e", "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs"
                    + " WHERE projectsId = 'sec-a' AND locationsId = 'us-central1'"));
            assertThat(read.err()).contains("was not refreshed").contains("password=***");
            assertThat(read.out() + read.err()).doesNotContain("hunter2secret");
        }
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
