package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import io.nasql.db.Backend;
import io.nasql.db.ScopeKey;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.cli.Cli;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing never changes a result: each query gives the same column labels and rows (or fails the same way) either way it runs. */
class RoutingEquivalenceTest {
    private static InventoryAccess inventory;

    @BeforeAll
    static void inventory() {
        inventory = new InventoryAccess(Cli.memoryDb(), null);
        OffsetDateTime at = OffsetDateTime.parse("2026-01-02T03:04:05Z");
        String[] states = {"JOB_STATE_FAILED", "JOB_STATE_SUCCEEDED", "JOB_STATE_RUNNING"};
        for (int i = 1; i <= 6; i++) {
            NasJob.Builder job = NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/" + i)
                    .setDisplayName("job" + i).setState(JobState.valueOf(states[i % 3])).setSatisfiesPzs(i % 2 == 0)
                    .putLabels("team", i % 2 == 0 ? "vision" : "speech")
                    .setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(NasJobSpec.MultiTrialAlgorithmSpec.newBuilder()
                            .setMetric(NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId("m" + i))));
            if (i % 3 == 0) {
                job.setNasJobOutput(NasJobOutput.newBuilder().setMultiTrialJobOutput(NasJobOutput.MultiTrialJobOutput.getDefaultInstance()));
            }
            inventory.store().putJob(new ScopeKey("p" + i % 2, "us-central1"), job.build(), "sync", at);
        }
    }

    @AfterAll
    static void close() {
        inventory.close();
    }

    @Test
    void everyShapeGivesTheSameResultRoutedOrNot() throws Exception {
        String t = "google.aiplatform.nas_jobs";
        List<String> queries = List.of(
                "SELECT state, COUNT(*) AS n FROM " + t + " GROUP BY state ORDER BY state",
                "SELECT * FROM " + t + " ORDER BY nasJobsId",
                "SELECT DISTINCT * FROM " + t + " ORDER BY nasJobsId",
                "SELECT DISTINCT ON (state) * FROM " + t + " ORDER BY state, nasJobsId",
                "SELECT TOP (1) * FROM " + t + " ORDER BY nasJobsId",
                "SELECT TOP 1 * FROM " + t + " ORDER BY nasJobsId",
                "SELECT TOP 50 PERCENT * FROM " + t + " ORDER BY nasJobsId",
                "SELECT TOP 1 WITH TIES * FROM " + t + " ORDER BY state",
                "SELECT j.*, 2 * 3 AS six FROM " + t + " j ORDER BY nasJobsId",
                "SELECT c3, c12, c13, c18 FROM " + t + " AS j(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16,"
                        + " c17, c18, c19) ORDER BY c3",
                "SELECT c3, c12 FROM " + t + " j(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19)",
                "SELECT _ROWID_, nasJobsId FROM " + t + " ORDER BY nasJobsId",
                "SELECT \"left\".state FROM " + t + " \"left\" ORDER BY \"left\".nasJobsId",
                "SELECT \"where\".state FROM " + t + " AS \"where\" ORDER BY 1",
                "SELECT state FROM (TABLE " + t + ") x ORDER BY nasJobsId",
                "SELECT nas_jobs.state, nas_jobs.displayName FROM " + t + " WHERE nas_jobs.satisfiesPzs ORDER BY 2",
                "SELECT json_value(labels, '$.team') AS team, COUNT(*) FROM " + t + " GROUP BY team ORDER BY team",
                "SELECT j.displayName, t.nasJobsId FROM " + t + " j LEFT JOIN google.aiplatform.nas_trials t ON t.nasJobsId = j.nasJobsId"
                        + " ORDER BY 1",
                "SELECT a.displayName FROM " + t + " a, " + t + " b WHERE a.nasJobsId = b.nasJobsId ORDER BY 1",
                "SELECT COUNT(*) FROM " + t + " NATURAL JOIN google.aiplatform.nas_trials",
                "WITH x AS (SELECT labels, state FROM " + t + ") SELECT state, COUNT(*) FROM x GROUP BY state ORDER BY 1",
                "SELECT displayName FROM " + t + " WHERE nasJobsId IN (SELECT nasJobsId FROM " + t + " WHERE state LIKE '%FAILED')"
                        + " ORDER BY 1",
                "SELECT metricId FROM " + t,
                "SELECT j.goal FROM " + t + " j",
                "SELECT state, 2 * 3 * COUNT(*) FROM " + t + " GROUP BY state ORDER BY 1",
                "SELECT displayName FROM " + t + " WHERE createTime < CURRENT_TIMESTAMP - 2 * INTERVAL '1' DAY",
                "SELECT state FROM " + t + " UNION SELECT 'x' ORDER BY 1");
        Connection connection = inventory.connection();
        int routed = 0;
        for (String sql : queries) {
            String asRouted = SummaryRouting.route(sql, Backend.H2);
            routed += asRouted.equals(sql) ? 0 : 1;
            assertThat(run(connection, asRouted)).as(sql + "\nrouted as: " + asRouted).isEqualTo(run(connection, sql));
        }
        assertThat(routed).as("queries routed").isGreaterThanOrEqualTo(10);
    }

    /** The column labels and rows as text, or the error's code. */
    private static List<String> run(Connection connection, String sql) {
        try {
            return ResultText.of(connection, sql, true);
        } catch (SQLException e) {
            return List.of("error " + e.getErrorCode());
        }
    }
}
