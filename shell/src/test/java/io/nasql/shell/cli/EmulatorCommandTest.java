package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobServiceSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code nasql emulator} as its own process: its line when ready, real calls, and a clean stop on SIGTERM. */
class EmulatorCommandTest {
    @Test
    void theStandaloneEmulatorPrintsItsLineServesAndStopsOnSigterm() throws Exception {
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main",
                "emulator", "--port", "0", "--projects", "2", "--jobs-per-scope", "4")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = Pattern.compile("nasql emulator listening on (127\\.0\\.0\\.1:\\d+)").matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            JobServiceSettings settings = JobServiceSettings.newBuilder().setEndpoint(m.group(1))
                    .setCredentialsProvider(NoCredentialsProvider.create())
                    .setTransportChannelProvider(JobServiceSettings.defaultGrpcTransportProviderBuilder()
                            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build())
                    .build();
            try (JobServiceClient client = JobServiceClient.create(settings)) {
                long jobs = StreamSupport.stream(client.listNasJobs("projects/proj-002/locations/europe-west4").iterateAll().spliterator(), false).count();
                assertThat(jobs).isEqualTo(4);
            }
            emulator.destroy();
            assertThat(emulator.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(emulator.exitValue()).isEqualTo(143);
        } finally {
            emulator.destroyForcibly();
        }
    }

    @Test
    void aFailAfterCommitRateOutsideZeroToOneIsAUsageError(@org.junit.jupiter.api.io.TempDir Path home) {
        Cli.Result result = Cli.run(home, "", "emulator", "--fail-after-commit-rate", "1.5");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --fail-after-commit-rate takes a fraction from 0 to 1, not 1.5\n");
    }

    @Test
    void aFolderDepthWithoutFoldersIsAUsageError(@org.junit.jupiter.api.io.TempDir Path home) {
        Cli.Result result = Cli.run(home, "", "emulator", "--folder-depth", "3");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --folder-depth nests folders, so it needs --folders N with N > 0\n");
    }
}
