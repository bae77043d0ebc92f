package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a bulk write in the REPL: no call starts after it, a second Ctrl-C leaves no worker going on unseen (issue 12, item 5). */
class ReplWriteCancelTest {
    @TempDir
    Path folder;

    @Test
    void twoCtrlCsStopABulkCancelAndItNeverResumes() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 12, 5)
                .withLatency(Duration.ofMillis(200)), new ManualClock(Instant.now()))) {
            List<String> ids = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_RUNNING
                    || j.getState() == JobState.JOB_STATE_PENDING || j.getState() == JobState.JOB_STATE_QUEUED)
                    .map(j -> j.getName().substring(j.getName().lastIndexOf('/') + 1)).sorted().toList();
            assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
            PipedOutputStream keyboard = new PipedOutputStream();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            SessionConfig config = new SessionConfig(Cli.memoryDb(), folder, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"),
                    List.of("us-central1"), SyncOptions.defaults(), true);
            try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(keyboard, 1 << 16), screen,
                    StandardCharsets.UTF_8); Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
                InputReader input = new InputReader(terminal, new SqlCompleter(wiring.inventory(), ResourceCatalog.load()), false,
                        folder.resolve("history"));
                Repl repl = new Repl(new Repl.Parts(terminal, input, wiring.engine(new Wiring.FrontEnd(terminal.writer(), ProgressSink.NONE,
                        input::confirm, () -> ReportCatalog.load(List.of()), Map.of())), new TemplateRenderer(Map.of()), wiring.settings(),
                        wiring.inventory(), wiring.clock(), false, null));
                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(repl::run);
                keyboard.write(("SYNC;\nEXEC google.aiplatform.nas_jobs.cancel WHERE nasJobsId IN ('" + String.join("', '", ids) + "');\n")
                        .getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (emulator.stats().calls("CancelNasJob") < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                terminal.raise(Terminal.Signal.INT);
                terminal.raise(Terminal.Signal.INT);
                keyboard.write("SELECT 'alive' AS after;\n".getBytes(StandardCharsets.UTF_8));
                keyboard.close();
                assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
                Thread.sleep(500);
                String shown = screen.toString(StandardCharsets.UTF_8);
                assertThat(emulator.stats().calls("CancelNasJob")).as("the abandoned statement never resumes").isEqualTo(1);
                assertThat(shown).contains("stopping: the API calls in flight finish first")
                        .contains("not attempted (cancelled)")
                        .contains("error: cancelled: 1 of " + ids.size() + " cancelled, " + (ids.size() - 1) + " not attempted")
                        .contains("| alive |");
            }
        }
    }
}
