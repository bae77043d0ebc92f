package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import org.junit.jupiter.api.Test;

class SummaryRoutingTest {
    private static String route(String sql) {
        return SummaryRouting.route(sql, Backend.H2);
    }

    @Test
    void aReadThatNamesNoDocumentRunsOnTheSummaries() {
        assertThat(route("SELECT state, COUNT(*) FROM google.aiplatform.nas_jobs GROUP BY state"))
                .isEqualTo("SELECT state, COUNT(*) FROM google.aiplatform.nas_job_summaries AS nas_jobs GROUP BY state");
        assertThat(route("select j.state from aiplatform.NAS_JOBS j where j.state = 'x'"))
                .isEqualTo("select j.state from aiplatform.nas_job_summaries j where j.state = 'x'");
        assertThat(route("SELECT \"state\" FROM \"google\".\"aiplatform\".\"nas_jobs\" AS n"))
                .isEqualTo("SELECT \"state\" FROM \"google\".\"aiplatform\".\"nas_job_summaries\" AS n");
        assertThat(route("WITH x AS (SELECT labels FROM google.aiplatform.nas_jobs) SELECT json_value(labels, '$.nasJobSpec') FROM x"))
                .isEqualTo("WITH x AS (SELECT labels FROM google.aiplatform.nas_job_summaries AS nas_jobs) SELECT json_value(labels, '$.nasJobSpec') FROM x");
    }

    @Test
    void productsAndCountStarAreNotProjections() {
        assertThat(route("SELECT COUNT(*), SUM(2 * 3) FROM google.aiplatform.nas_jobs WHERE createTime < CURRENT_TIMESTAMP - 2 * INTERVAL '1' DAY"))
                .contains("nas_job_summaries");
    }

    @Test
    void whatCouldReadADocumentOrMeanSomethingElseRunsAsWritten() {
        for (String sql : new String[] {
                "SELECT nasJobSpec FROM google.aiplatform.nas_jobs",
                "SELECT json_value(\"nasJobOutput\", '$.x') FROM google.aiplatform.nas_jobs",
                "SELECT * FROM google.aiplatform.nas_jobs",
                "SELECT j.* FROM google.aiplatform.nas_jobs j",
                "SELECT DISTINCT * FROM google.aiplatform.nas_jobs",
                "SELECT COUNT(*) FROM google.aiplatform.nas_jobs NATURAL JOIN google.aiplatform.nas_trials",
                "SELECT google.aiplatform.nas_jobs.state FROM google.aiplatform.nas_jobs",
                "SELECT metricId FROM google.aiplatform.nas_jobs",
                "SELECT j.goal FROM google.aiplatform.nas_jobs j",
                "SELECT state FROM google.aiplatform.nas_trials",
                "DELETE FROM google.aiplatform.nas_jobs WHERE state = 'x'",
                "SELECT state FROM other.aiplatform.nas_jobs",
                "SELECT DISTINCT ON (state) * FROM google.aiplatform.nas_jobs",
                "SELECT TOP (1) * FROM google.aiplatform.nas_jobs",
                "SELECT TOP 1 PERCENT * FROM google.aiplatform.nas_jobs",
                "SELECT TOP 1 WITH TIES * FROM google.aiplatform.nas_jobs ORDER BY state",
                "SELECT c3 FROM google.aiplatform.nas_jobs AS j(c1, c2, c3)",
                "SELECT c3 FROM google.aiplatform.nas_jobs (c1, c2, c3)",
                "SELECT _ROWID_ FROM google.aiplatform.nas_jobs",
                "SELECT state FROM (TABLE google.aiplatform.nas_jobs)"}) {
            assertThat(route(sql)).as(sql).isEqualTo(sql);
        }
    }

    @Test
    void aQuotedNameAfterTheTableIsItsAliasEvenWhenItSpellsAKeyword() {
        assertThat(route("SELECT \"left\".state FROM google.aiplatform.nas_jobs \"left\""))
                .isEqualTo("SELECT \"left\".state FROM google.aiplatform.nas_job_summaries \"left\"");
    }

    @Test
    void theTrialsOwnMetricColumnsDoNotStopIt() {
        assertThat(route("SELECT t.metricId, t.goal, j.displayName FROM google.aiplatform.nas_trials t"
                + " JOIN google.aiplatform.nas_jobs j ON j.nasJobsId = t.nasJobsId WHERE t.best"))
                .contains("google.aiplatform.nas_job_summaries j ON");
    }

    @Test
    void onPostgresADocumentNamedAfterAnEscapeStringKeepsTheView() {
        String sql = "SELECT displayName FROM google.aiplatform.nas_jobs WHERE displayName <> E'\\'' OR nasJobSpec IS NULL AND 'a' = 'a'";
        assertThat(SummaryRouting.route(sql, Backend.POSTGRESQL)).isEqualTo(sql);
        assertThat(route(sql)).as("H2 reads the rest as a literal").contains("nas_job_summaries");
    }
}
