package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import org.junit.jupiter.api.Test;

/** json_value of the spec's metric id and goal, read from the summaries' columns when provably the same. */
class PromotedMetricTest {
    private static final String METRIC = "json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId')";
    private static final String GOAL = "json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal')";

    @Test
    void groupingByTheMetricReadsTheColumn() {
        assertThat(SummaryRouting.route("SELECT " + METRIC + " AS metric, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY "
                + METRIC, Backend.H2)).isEqualTo("SELECT metricId AS metric, COUNT(*) AS jobs FROM google.aiplatform.nas_job_summaries AS nas_jobs"
                + " GROUP BY metricId");
        assertThat(SummaryRouting.route("SELECT displayName FROM google.aiplatform.nas_jobs j WHERE json_value(j.\"nasJobSpec\","
                + " '$.multiTrialAlgorithmSpec.metric.goal') = 'MINIMIZE' ORDER BY " + METRIC + ", 1", Backend.H2))
                .isEqualTo("SELECT displayName FROM google.aiplatform.nas_job_summaries j WHERE j.goal = 'MINIMIZE' ORDER BY metricId, 1");
        assertThat(SummaryRouting.route("SELECT COUNT(DISTINCT " + GOAL + ") AS goals FROM google.aiplatform.nas_jobs", Backend.H2))
                .isEqualTo("SELECT COUNT(DISTINCT goal) AS goals FROM google.aiplatform.nas_job_summaries AS nas_jobs");
    }

    @Test
    void whereTheColumnCouldNameSomethingElseOrTheLabelWouldChangeTheDocumentIsRead() {
        for (String sql : new String[] {
                // the select item's label would be the column's name
                "SELECT " + METRIC + ", COUNT(*) FROM google.aiplatform.nas_jobs GROUP BY " + METRIC,
                "SELECT " + METRIC + " metric FROM google.aiplatform.nas_jobs",
                "SELECT UPPER(" + METRIC + ") FROM google.aiplatform.nas_jobs",
                // another table, subquery or CTE could own a metricId or goal
                "SELECT " + METRIC + " AS m FROM google.aiplatform.nas_jobs j JOIN google.aiplatform.nas_trials t ON t.nasJobsId = j.nasJobsId",
                "SELECT " + METRIC + " AS m FROM google.aiplatform.nas_jobs, google.aiplatform.nas_trials",
                "SELECT (SELECT COUNT(*) FROM google.aiplatform.nas_trials t WHERE t.metricId = " + METRIC + ") AS n"
                        + " FROM google.aiplatform.nas_jobs",
                "WITH x AS (SELECT 1 AS one) SELECT " + METRIC + " AS m FROM google.aiplatform.nas_jobs",
                // another path, or the document named elsewhere
                "SELECT json_value(nasJobSpec, '$.searchSpaceSpec') AS s FROM google.aiplatform.nas_jobs",
                "SELECT " + METRIC + " AS m, nasJobSpec FROM google.aiplatform.nas_jobs",
                "SELECT json_value(x.nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId') AS m FROM google.aiplatform.nas_jobs j"}) {
            assertThat(SummaryRouting.route(sql, Backend.H2)).as(sql).isEqualTo(sql);
        }
    }
}
