package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.SyncOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a SELECT's read-through stops the query that would follow it. */
class SqlHandlerTest {
    @TempDir
    Path home;

    @Test
    void aStatementCancelledDuringItsReadThroughRunsNoQuery() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 3, 5), new ManualClock(Instant.now()))) {
            Settings settings = new Settings();
            settings.set(Setting.OUTPUT, OutputFormat.TEXT);
            SessionConfig config = new SessionConfig(Cli.memoryDb(), home, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"),
                    List.of("us-central1"), SyncOptions.defaults(), true);
            try (Wiring wiring = new Wiring(config, settings, Clock.systemUTC())) {
                StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                        Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
                StringWriter out = new StringWriter();
                CancelToken cancel = new CancelToken();
                cancel.cancel();
                assertThatThrownBy(() -> engine.execute(new Statement("SELECT 'ran' AS q FROM google.aiplatform.nas_jobs"
                        + " WHERE projectsId = 'proj-001' AND locationsId = 'us-central1' UNION ALL SELECT 'ran'", "t", 1, 1),
                        new Execution(cancel, settings, out, false))).isInstanceOf(CancelledException.class);
                assertThat(out.toString()).doesNotContain("ran");
            }
        }
    }
}
