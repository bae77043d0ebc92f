package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in batch mode stops the running write before its next call, no later statement runs, exit code 130 (issue 12, item 5). */
class BatchInterruptTest {
    @Test
    void sigintStopsABulkCancelAndTheRestOfTheScript(@TempDir Path home) throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 16, 7)
                .withLatency(Duration.ofMillis(300)), EmulatorClock.system(0.001))) {
            long open = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_RUNNING
                    || j.getState() == JobState.JOB_STATE_PENDING || j.getState() == JobState.JOB_STATE_QUEUED).count();
            assertThat(open).isGreaterThanOrEqualTo(2);
            Process nasql = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main", "--db", "jdbc:h2:file:" + home.resolve("google"),
                    "--endpoint", emulator.endpoint(), "--plaintext", "--projects", "proj-001", "--locations", "us-central1",
                    "--yes", "-o", "text", "-e", "SYNC; EXEC google.aiplatform.nas_jobs.cancel WHERE state IN ('JOB_STATE_RUNNING',"
                    + " 'JOB_STATE_PENDING', 'JOB_STATE_QUEUED'); SELECT 'later' AS never")
                    .redirectError(home.resolve("err").toFile())
                    .redirectOutput(home.resolve("out").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (emulator.stats().calls("CancelNasJob") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(nasql.pid())).start().waitFor();
            assertThat(nasql.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(home.resolve("out"));
            String err = Files.readString(home.resolve("err"));
            assertThat(nasql.exitValue()).as(err).isEqualTo(130);
            assertThat(emulator.stats().calls("CancelNasJob")).isEqualTo(1);
            // The cancel sent before SIGINT stands; no GetNasJob starts after it to read its state back.
            assertThat(out).containsPattern("\tcancelled( \\(state not refreshed: cancelled\\))?\n")
                    .contains("\tnot attempted (cancelled)\n").doesNotContain("later");
            assertThat(err).contains("error: -e:1: cancelled: 1 of " + open + " cancelled, " + (open - 1) + " not attempted");
        }
    }
}
