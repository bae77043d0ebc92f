package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM stops `nasql sync` cleanly: finished scopes stay, the run is recorded as interrupted, exit code 3. */
class SyncSignalTest {
    @Test
    void sigtermStopsASyncAndItsRunIsRecorded(@TempDir Path home) throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(EmulatorConfig.numberedProjects(40), java.util.List.of("us-central1"), 3, 2)
                .withLatency(Duration.ofMillis(40)), EmulatorClock.system(1))) {
            String db = "jdbc:h2:file:" + home.resolve("google");
            String projects = String.join(",", EmulatorConfig.numberedProjects(40));
            Process sync = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main", "--db", db,
                    "--endpoint", emulator.endpoint(), "--plaintext", "--projects", projects, "--locations", "us-central1",
                    "sync", "--concurrency", "1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(home.resolve("sync.out").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (emulator.stats().calls("GetNasJob") < 6 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            sync.destroy();
            assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = java.nio.file.Files.readString(home.resolve("sync.out"));
            assertThat(sync.exitValue()).isEqualTo(3);
            assertThat(out).startsWith("interrupted after 40 scopes");
            Cli.Result runs = Cli.run(home, "", "--db", db, "-o", "text", "-e",
                    "SELECT status, scopesOk FROM google.aiplatform.sync_runs; SELECT COUNT(*) AS scopes FROM google.aiplatform.sync_scopes");
            assertThat(runs.out()).startsWith("status\tscopesOk\nINTERRUPTED\t");
            int ok = Integer.parseInt(runs.out().lines().skip(1).findFirst().orElseThrow().split("\t")[1]);
            assertThat(ok).isBetween(1, 39);
            assertThat(runs.out()).endsWith("scopes\n" + ok + "\n");
        }
    }
}
