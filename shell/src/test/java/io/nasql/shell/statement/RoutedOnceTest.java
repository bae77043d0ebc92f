package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Backend;
import io.nasql.db.ScopeKey;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.CancelToken;
import io.nasql.sync.SyncOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A routed query that fails while running fails once: it is not run again on the view. */
class RoutedOnceTest {
    @TempDir
    Path home;

    @Test
    void aRuntimeErrorRunsTheStatementOnce() throws Exception {
        SessionConfig config = new SessionConfig(Cli.memoryDb(), home, ApiTarget.google(), List.of("p"), List.of("us-central1"),
                SyncOptions.defaults(), false);
        try (Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
            StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                    Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
            wiring.inventory().store().putJob(new ScopeKey("p", "us-central1"), NasJob.newBuilder()
                    .setName("projects/1/locations/us-central1/nasJobs/7").setState(JobState.JOB_STATE_FAILED).build(),
                    "sync", OffsetDateTime.now());
            Execution execution = new Execution(new CancelToken(), wiring.settings(), new StringWriter(), false);
            for (String sql : List.of("SET max_age = 1000d", "CREATE SEQUENCE s")) {
                engine.execute(new Statement(sql, "t", 1, 1), execution);
            }
            String failing = "SELECT NEXT VALUE FOR s, 1 / (LENGTH(state) - LENGTH(state)) FROM google.aiplatform.nas_jobs";
            assertThat(SummaryRouting.route(failing, Backend.H2)).contains("nas_job_summaries");
            assertThatThrownBy(() -> engine.execute(new Statement(failing, "t", 1, 1), execution))
                    .hasMessageContaining("Division by zero");
            try (var s = wiring.inventory().connection().createStatement(); ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR s")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the sequence advanced by the one failed run, then this one").isEqualTo(2);
            }
        }
    }
}
