package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Inventory;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.cli.Cli;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API error's text is not nasql's: the emulator's echoes the location asked for, here one that looks like a
 * secret. The SYNC result table and the read-through warning show such text masked, and the inventory file
 * keeps it masked in sync_scopes.errorMessage.
 */
class MaskedProblemsTest {
    private static final String SERVED = "password=hunter2secret";

    @Test
    void syncResultsAndReadThroughWarningsMaskWhatTheApiEchoes(@TempDir Path home) throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("sec-a"), List.of("us-central1"), 1, 5), EmulatorClock.system(1))) {
            // The default inventory, a file in ~/.nasql: what is stored there outlives the run.
            String[] target = {"--endpoint", emulator.endpoint(), "--plaintext", "--projects", "sec-a",
                    "--locations", SERVED, "-o", "text"};
            Cli.Result sync = Cli.run(home, "", concat(target, "-e", "SYNC"));
            // The location column is what the user typed; the message column is the API's text, masked.
            String messages = sync.out().lines().skip(1).map(l -> l.substring(l.lastIndexOf('\t') + 1)).reduce("", String::concat);
            assertThat(messages).contains("INVALID_ARGUMENT").contains("password=***").doesNotContain("hunter2secret");
            assertThat(sync.err()).doesNotContain("hunter2secret");
            // A location that does not exist fails its scope: the warning carries the service's answer, which echoes it.
            Cli.Result read = Cli.run(home, "", concat(target, "-e", "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs"
                    + " WHERE projectsId = 'sec-a' AND locationsId = '" + SERVED + "'"));
            String warning = read.err().lines().filter(l -> l.startsWith("warning:")).findFirst().orElse("");
            assertThat(warning).contains("was not refreshed").contains("Location 'password=***");
            assertThat(warning.substring(warning.indexOf('('))).doesNotContain("hunter2secret");
        }
        try (Inventory inventory = Inventory.openFolder(home.resolve(".nasql")); Connection c = inventory.connection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"status\", \"errorMessage\""
                     + " FROM google.aiplatform.sync_scopes WHERE \"locationsId\" = '" + SERVED + "'")) {
            assertThat(rs.next()).as("the failed scope is recorded").isTrue();
            assertThat(rs.getString("status")).isEqualTo("FAILED");
            assertThat(rs.getString("errorMessage")).contains("INVALID_ARGUMENT").contains("password=***").doesNotContain("hunter2secret");
            assertThat(rs.next()).isFalse();
        }
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
