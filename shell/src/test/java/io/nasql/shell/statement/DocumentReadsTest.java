package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
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
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query over nas_jobs that names no JSON document never opens the documents table. */
class DocumentReadsTest {
    static final AtomicInteger DOCUMENT_READS = new AtomicInteger();

    /** Counts the statements that read nas_job_documents (H2 fires a SELECT trigger once per statement). */
    public static final class CountReads implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            DOCUMENT_READS.incrementAndGet();
        }
    }

    @TempDir
    Path home;

    @Test
    void queriesThatNameNoDocumentReadNone() throws Exception {
        SessionConfig config = new SessionConfig(Cli.memoryDb(), home, ApiTarget.google(), List.of("p"), List.of("us-central1"),
                SyncOptions.defaults(), false);
        StringWriter out = new StringWriter();
        try (Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
            StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                    Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
            wiring.inventory().store().putJob(new ScopeKey("p", "us-central1"), NasJob.newBuilder()
                    .setName("projects/1/locations/us-central1/nasJobs/7").setDisplayName("seven").setState(JobState.JOB_STATE_FAILED)
                    .putLabels("team", "vision")
                    .setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(NasJobSpec.MultiTrialAlgorithmSpec.newBuilder()
                            .setMetric(NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId("top1_accuracy"))))
                    .build(), "sync", OffsetDateTime.now());
            try (java.sql.Statement s = wiring.inventory().connection().createStatement()) {
                s.execute("CREATE TRIGGER count_reads BEFORE SELECT ON google.aiplatform.nas_job_documents CALL \""
                        + CountReads.class.getName() + "\"");
            }
            Execution execution = new Execution(new CancelToken(), wiring.settings(), out, false);
            String set = "SET max_age = 1000d";
            engine.execute(new Statement(set, "t", 1, 1), execution);
            for (String sql : List.of(
                    "SELECT state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY state",
                    "SELECT json_value(labels, '$.team') AS team, displayName FROM google.aiplatform.nas_jobs j WHERE j.nasJobsId = '7'",
                    "SELECT displayName FROM google.aiplatform.nas_jobs WHERE projectsId = 'p' AND locationsId = 'us-central1'",
                    // the metric's id and goal are read from the summaries' columns
                    "SELECT json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId') AS metric, COUNT(*) AS jobs"
                            + " FROM google.aiplatform.nas_jobs GROUP BY json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId')",
                    "REPORT failed-jobs", "REPORT jobs-by-state", "REPORT labels", "REPORT stuck-jobs", "REPORT best-trials")) {
                engine.execute(new Statement(sql, "t", 1, 1), execution);
            }
            assertThat(DOCUMENT_READS.get()).as("statements that read a document").isZero();
            assertThat(out.toString()).contains("JOB_STATE_FAILED", "vision", "seven");

            assertThat(out.toString()).contains("top1_accuracy");
            engine.execute(new Statement("SELECT json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric') AS metric"
                    + " FROM google.aiplatform.nas_jobs", "t", 1, 1), execution);
            assertThat(DOCUMENT_READS.get()).as("a query that names nasJobSpec reads it").isPositive();
            assertThat(out.toString()).contains("{\"metricId\":\"top1_accuracy\"}");
        }
    }
}
