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
import io.nasql.db.TestPostgres;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void aPostgresQueryPrintsWhileItsRowsAreStillOnTheServerAndOneThatWritesRunsPlainly() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty(), new ManualClock(Instant.now()))) {
            Settings settings = new Settings();
            settings.set(Setting.OUTPUT, OutputFormat.TEXT);
            SessionConfig config = new SessionConfig(TestPostgres.freshGoogle(), home, ApiTarget.emulator(emulator.endpoint()),
                    List.of("proj-001"), List.of("us-central1"), SyncOptions.defaults(), true);
            try (Wiring wiring = new Wiring(config, settings, Clock.systemUTC())) {
                StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                        Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
                AtomicLong portalsWhilePrinting = new AtomicLong(-1);
                StringWriter printed = new StringWriter();
                Writer out = new FilterWriter(printed) {
                    @Override
                    public void write(String text, int off, int len) throws IOException {
                        if (portalsWhilePrinting.get() < 0) {
                            portalsWhilePrinting.set(openPortals(wiring));
                        }
                        super.write(text, off, len);
                    }

                    @Override
                    public void write(char[] text, int off, int len) throws IOException {
                        write(new String(text, off, len), 0, len);
                    }
                };
                engine.execute(new Statement("SELECT x FROM generate_series(1, 5000) x", "t", 1, 1),
                        new Execution(new CancelToken(), settings, out, false));
                assertThat(printed.toString().lines()).hasSize(5001).endsWith("5000");
                assertThat(portalsWhilePrinting.get()).as("the driver's cursor was open, the rest of the rows on the server").isEqualTo(1);

                // A query that writes is refused by the read-only transaction, then runs once as it would without streaming.
                engine.execute(new Statement("SELECT 7 AS n INTO made_by_select", "t", 1, 1), new Execution(new CancelToken(), settings,
                        new StringWriter(), false));
                StringWriter made = new StringWriter();
                engine.execute(new Statement("SELECT n FROM made_by_select", "t", 1, 1), new Execution(new CancelToken(), settings, made, false));
                assertThat(made.toString().lines()).containsExactly("n", "7");
                assertThat(wiring.inventory().connection().getAutoCommit()).isTrue();
            }
        }
    }

    private static long openPortals(Wiring wiring) throws IOException {
        try (java.sql.Statement s = wiring.inventory().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_cursors WHERE name <> ''")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
