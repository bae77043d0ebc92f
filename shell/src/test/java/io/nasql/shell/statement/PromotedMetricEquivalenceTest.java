package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec;
import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.TestInventories;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the metric from its column gives what json_value of the document gives, on H2 and PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class PromotedMetricEquivalenceTest {
    @Parameter
    Backend backend;

    @Test
    void theColumnsHoldWhatTheDocumentSays() throws Exception {
        try (Inventory inventory = TestInventories.fresh(backend)) {
            InventoryStore store = new InventoryStore(inventory);
            OffsetDateTime at = OffsetDateTime.parse("2026-01-02T03:04:05Z");
            String[] ids = {"top1_accuracy", "latency_ms", "", "top1_accuracy", "ünïcode \"quoted\" \\ id"};
            MetricSpec.GoalType[] goals = {MetricSpec.GoalType.MAXIMIZE, MetricSpec.GoalType.MINIMIZE,
                MetricSpec.GoalType.GOAL_TYPE_UNSPECIFIED, MetricSpec.GoalType.MAXIMIZE, MetricSpec.GoalType.MINIMIZE};
            for (int i = 0; i < ids.length; i++) {
                NasJob.Builder job = NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/" + i)
                        .setDisplayName("job" + i).setState(JobState.JOB_STATE_SUCCEEDED);
                if (i != 2) {
                    job.setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(NasJobSpec.MultiTrialAlgorithmSpec.newBuilder()
                            .setMetric(MetricSpec.newBuilder().setMetricId(ids[i]).setGoal(goals[i]))));
                }
                store.putJob(new ScopeKey("p", "us-central1"), job.build(), "sync", at);
            }
            String t = "google.aiplatform.nas_jobs";
            String metric = "json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId')";
            String goal = "json_value(j.nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal')";
            List<String> queries = List.of(
                    "SELECT " + metric + " AS metric, COUNT(*) AS jobs FROM " + t + " GROUP BY " + metric + " ORDER BY 1 NULLS FIRST",
                    "SELECT j.nasJobsId, " + goal + " AS goal_of_job FROM " + t + " j WHERE " + goal + " IS NOT NULL ORDER BY 1",
                    "SELECT displayName FROM " + t + " WHERE " + metric + " = 'top1_accuracy' ORDER BY " + metric + ", 1",
                    "SELECT COUNT(DISTINCT " + metric + ") AS metrics FROM " + t);
            try (Connection connection = inventory.connection()) {
                for (String sql : queries) {
                    String routed = SummaryRouting.route(sql, backend);
                    assertThat(routed).as(sql).doesNotContainIgnoringCase("nasJobSpec");
                    List<String> asWritten = run(connection, sql);
                    assertThat(asWritten).as(sql).hasSizeGreaterThan(1);
                    assertThat(run(connection, routed)).as(sql + "\nrouted as: " + routed).isEqualTo(asWritten);
                }
            }
        }
    }

    /**
     * The column labels, JDBC types and rows as text. The JDBC type, not its name: on PostgreSQL json_value
     * returns text and the column is a varchar, both VARCHAR to JDBC.
     */
    private static List<String> run(Connection connection, String sql) throws Exception {
        return ResultText.of(connection, sql, false);
    }
}
