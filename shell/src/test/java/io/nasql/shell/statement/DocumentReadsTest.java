package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.shell.cli.Cli;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
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
        String db = Cli.memoryDb();
        try (Inventory inventory = Inventory.open(db)) {
            new InventoryStore(inventory).putJob(new ScopeKey("p", "us-central1"), NasJob.newBuilder()
                    .setName("projects/1/locations/us-central1/nasJobs/7").setDisplayName("seven").setState(JobState.JOB_STATE_FAILED)
                    .putLabels("team", "vision")
                    .setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(NasJobSpec.MultiTrialAlgorithmSpec.newBuilder()
                            .setMetric(NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId("top1_accuracy"))))
                    .build(), "sync", OffsetDateTime.now());
            // Synced just now, so the pinned SELECT below runs without a read-through.
            new InventoryStore(inventory).markScopeUnchanged(new ScopeKey("p", "us-central1"), 1, OffsetDateTime.now());
            try (Connection c = inventory.connection(); java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER count_reads BEFORE SELECT ON google.aiplatform.nas_job_documents CALL \""
                        + CountReads.class.getName() + "\"");
            }
            Cli.Result narrow = Cli.run(home, "", "--db", db, "-e", "SET max_age = 1000d;"
                    + " SELECT state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY state;"
                    + " SELECT json_value(labels, '$.team') AS team, displayName FROM google.aiplatform.nas_jobs j WHERE j.nasJobsId = '7';"
                    + " SELECT displayName FROM google.aiplatform.nas_jobs WHERE projectsId = 'p' AND locationsId = 'us-central1';"
                    + " REPORT failed-jobs; REPORT jobs-by-state; REPORT labels; REPORT stuck-jobs; REPORT best-trials");
            assertThat(narrow.err()).isEmpty();
            assertThat(DOCUMENT_READS.get()).as("statements that read a document").isZero();
            assertThat(narrow.out()).contains("JOB_STATE_FAILED", "vision", "seven");

            Cli.Result wide = Cli.run(home, "", "--db", db, "-e", "SET max_age = 1000d;"
                    + " SELECT json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId') AS metric FROM google.aiplatform.nas_jobs");
            assertThat(DOCUMENT_READS.get()).as("a query that names nasJobSpec reads it").isPositive();
            assertThat(wide.out()).contains("top1_accuracy");
        }
    }
}
