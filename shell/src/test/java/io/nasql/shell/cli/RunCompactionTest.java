package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runs compact the inventory file: those that write it (sync, a batch with a write or a
 * manifest), as they would otherwise let it grow; not those that only read, and not because an
 * earlier run in the same JVM did.
 */
class RunCompactionTest {
    private static final String SETTINGS = "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME IN ('AUTO_COMPACT_FILL_RATE', 'MAX_COMPACT_TIME') ORDER BY SETTING_NAME";
    private static final String NONE = "SETTING_NAME\tSETTING_VALUE\nAUTO_COMPACT_FILL_RATE\t0\nMAX_COMPACT_TIME\t0\n";
    private static final String AT_CLOSE = "SETTING_NAME\tSETTING_VALUE\nAUTO_COMPACT_FILL_RATE\t90\nMAX_COMPACT_TIME\t50\n";

    @TempDir
    Path home;

    private Cli.Result nasql(EmulatorServer emulator, String... args) {
        // No --db: the inventory file in the home folder.
        List<String> all = new ArrayList<>(List.of("--endpoint", emulator.endpoint(), "--plaintext", "--projects", "proj-001",
                "--locations", "us-central1", "-o", "text"));
        all.addAll(List.of(args));
        return Cli.run(home, "", all.toArray(String[]::new));
    }

    @Test
    void onlyRunsThatWriteCompactTheFileAndNoRunLeavesItsChoiceToTheNext() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 3, 5), EmulatorClock.system(1))) {
            assertThat(nasql(emulator, "sync").code()).isZero();
            Cli.Result query = nasql(emulator, "-e", SETTINGS);
            assertThat(query.out()).as("a query after an in-process sync: " + query.err()).isEqualTo(NONE);

            Cli.Result sync = nasql(emulator, "-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'; " + SETTINGS);
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.out()).endsWith(AT_CLOSE);
            Cli.Result write = nasql(emulator, "-e", "CREATE TABLE mine (x INT); " + SETTINGS);
            assertThat(write.out()).as(write.err()).endsWith(AT_CLOSE);

            assertThat(nasql(emulator, "-e", "SHOW SCOPES; " + SETTINGS).out()).endsWith(NONE);
        }
    }
}
