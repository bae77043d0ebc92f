package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** An inventory written by an older nasql is upgraded in place when this one opens it. */
class SchemaUpgradeTest {
    private static final String SPEC = "{\"searchSpaceSpec\":\"mnasnet\",\"multiTrialAlgorithmSpec\":{\"metric\":"
            + "{\"metricId\":\"top1_accuracy\",\"goal\":\"MAXIMIZE\"}}}";

    @Test
    void aVersion1InventoryKeepsEveryJobAndTrialAndGainsTheMetricColumns() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + "/google;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection keepAlive = DriverManager.getConnection(url, "", "")) {
            Flyway.configure().dataSource(url, "", "").schemas("nasql").defaultSchema("nasql")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("1").load().migrate();
            try (Statement s = keepAlive.createStatement()) {
                s.execute("INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, nasJobsId, name, displayName, state,"
                        + " labels, nasJobSpec, syncedAt) VALUES ('p', 'us-central1', '1', 'projects/1/locations/us-central1/nasJobs/1',"
                        + " 'one', 'JOB_STATE_RUNNING', '{\"team\":\"vision\"}' FORMAT JSON, '" + SPEC + "' FORMAT JSON, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, nasJobsId, name, state, syncedAt)"
                        + " VALUES ('p', 'us-central1', '2', 'projects/1/locations/us-central1/nasJobs/2', 'JOB_STATE_QUEUED', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO google.aiplatform.nas_trials (projectsId, locationsId, nasJobsId, trialType, trialId)"
                        + " VALUES ('p', 'us-central1', '1', 'search', '1')");
            }
            try (Inventory inventory = Inventory.open(url); Connection c = inventory.connection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT nasJobsId, displayName, state, json_value(labels, '$.team'),"
                        + " json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId') FROM google.aiplatform.nas_jobs ORDER BY 1"))
                        .containsExactly("1|one|JOB_STATE_RUNNING|vision|top1_accuracy", "2|null|JOB_STATE_QUEUED|null|null");
                assertThat(rows(s, "SELECT nasJobsId, metricId, goal FROM google.aiplatform.nas_job_summaries ORDER BY 1"))
                        .containsExactly("1|top1_accuracy|MAXIMIZE", "2|null|null");
                // V10 counts the jobs it finds.
                assertThat(rows(s, "SELECT projectsId, locationsId, state, jobs FROM google.aiplatform.nas_job_counts ORDER BY 3"))
                        .containsExactly("p|us-central1|JOB_STATE_QUEUED|1", "p|us-central1|JOB_STATE_RUNNING|1");
                // V12 counts them by scope and label set; no labels is the empty set.
                assertThat(rows(s, "SELECT projectsId, labels, jobs, runningJobs, openJobs FROM google.aiplatform.nas_job_label_counts ORDER BY jobs, runningJobs"))
                        .containsExactly("p|{}|1|0|0", "p|{\"team\":\"vision\"}|1|1|0");
                // The trials now hang off the summaries: removing a job still removes its trials and documents.
                s.execute("DELETE FROM google.aiplatform.nas_job_summaries WHERE nasJobsId = '1'");
                assertThat(rows(s, "SELECT COUNT(*) FROM google.aiplatform.nas_trials")).containsExactly("0");
                assertThat(rows(s, "SELECT COUNT(*) FROM google.aiplatform.nas_job_documents WHERE nasJobsId = '1'")).containsExactly("0");
            }
        }
    }

    @Test
    void aLongMetricIdUpgradesAndSyncsWithoutALimit() throws Exception {
        String metric = "m".repeat(300);
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + "/google;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection keepAlive = DriverManager.getConnection(url, "", "")) {
            migrateToVersion1(url);
            insertJob(keepAlive, "1", SPEC.replace("top1_accuracy", metric));
            try (Inventory inventory = Inventory.open(url); Connection c = inventory.connection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT metricId FROM google.aiplatform.nas_job_summaries")).containsExactly(metric);
                // A row made by hand without a state has the state an unset enum has, and is counted under it.
                assertThat(rows(s, "SELECT state FROM google.aiplatform.nas_job_summaries")).containsExactly("JOB_STATE_UNSPECIFIED");
                assertThat(rows(s, "SELECT state, jobs FROM google.aiplatform.nas_job_counts")).containsExactly("JOB_STATE_UNSPECIFIED|1");
                ScopeKey scope = new ScopeKey("p", "us-central1");
                NasJob synced = TestJobs.job(scope, "2", JobState.JOB_STATE_RUNNING, 100);
                synced = synced.toBuilder().setNasJobSpec(synced.getNasJobSpec().toBuilder().setMultiTrialAlgorithmSpec(
                        synced.getNasJobSpec().getMultiTrialAlgorithmSpec().toBuilder().setMetric(
                                synced.getNasJobSpec().getMultiTrialAlgorithmSpec().getMetric().toBuilder().setMetricId(metric)))).build();
                new InventoryStore(inventory).putJob(scope, synced, "sync", java.time.OffsetDateTime.now());
                assertThat(rows(s, "SELECT metricId FROM google.aiplatform.nas_job_summaries WHERE nasJobsId = '2'"))
                        .as("sync writes it whole").containsExactly(metric);
            }
        }
    }

    /** json_value that fails its first call, as a bad value or a full disk would fail V2 halfway. */
    public static final class FailsOnce {
        static final AtomicBoolean FAILED = new AtomicBoolean();

        public static String value(String json, String path) {
            if (FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("disk full");
            }
            return JsonPath.value(json, path);
        }
    }

    @Test
    void aFailedUpgradeIsUndoneAndRunAgainOnTheNextOpen() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + "/google;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection keepAlive = DriverManager.getConnection(url, "", "")) {
            migrateToVersion1(url);
            insertJob(keepAlive, "1", SPEC);
            try (Statement s = keepAlive.createStatement()) {
                s.execute("INSERT INTO google.aiplatform.nas_trials (projectsId, locationsId, nasJobsId, trialType, trialId)"
                        + " VALUES ('p', 'us-central1', '1', 'search', '1')");
                s.execute("CREATE ALIAS \"json_value\" FOR '" + FailsOnce.class.getName() + ".value'");
            }
            assertThatThrownBy(() -> Inventory.open(url).close()).hasMessageContaining("V2__narrow_job_rows");
            try (Inventory inventory = Inventory.open(url); Connection c = inventory.connection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT nasJobsId, json_value(nasJobSpec, '$.searchSpaceSpec') FROM google.aiplatform.nas_jobs"))
                        .containsExactly("1|mnasnet");
                assertThat(rows(s, "SELECT metricId, goal FROM google.aiplatform.nas_job_summaries")).containsExactly("top1_accuracy|MAXIMIZE");
                s.execute("DELETE FROM google.aiplatform.nas_job_summaries");
                assertThat(rows(s, "SELECT COUNT(*) FROM google.aiplatform.nas_trials")).as("trials hang off the summaries").containsExactly("0");
            }
        }
    }

    @Test
    void aCountOfTheJobsCutShortRunsAgainWholeOnTheNextOpen() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + "/google;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection keepAlive = DriverManager.getConnection(url, "", "")) {
            try (Statement s = keepAlive.createStatement()) {
                s.execute("CREATE ALIAS \"json_value\" FOR '" + JsonPath.class.getName() + ".value'");
            }
            Flyway.configure().dataSource(url, "", "").schemas("nasql").defaultSchema("nasql")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("9").load().migrate();
            try (Statement s = keepAlive.createStatement()) {
                for (String id : List.of("1", "2")) {
                    s.execute("INSERT INTO google.aiplatform.nas_job_summaries (projectsId, locationsId, nasJobsId, name, syncedAt)"
                            + " VALUES ('p', 'us-central1', '" + id + "', 'projects/1/locations/us-central1/nasJobs/" + id + "', CURRENT_TIMESTAMP)");
                }
            }
            // What V10 leaves when it is stopped after making its table (H2 has committed that much), as Flyway records it.
            try (Statement s = keepAlive.createStatement()) {
                s.execute("CREATE TABLE google.aiplatform.nas_job_counts (projectsId VARCHAR(128) NOT NULL, locationsId VARCHAR(64)"
                        + " NOT NULL, state VARCHAR(32) NOT NULL, jobs BIGINT NOT NULL, PRIMARY KEY (projectsId, locationsId, state))");
                s.execute("INSERT INTO google.aiplatform.nas_job_counts VALUES ('p', 'us-central1', 'JOB_STATE_RUNNING', 1)");
                s.execute("INSERT INTO nasql.flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (100, '10', 'job counts', 'SQL', 'V10__job_counts.sql', 0,"
                        + " 'test', 1, FALSE)");
            }
            try (Inventory inventory = Inventory.open(url); Connection c = inventory.connection(); Statement s = c.createStatement()) {
                assertThat(rows(s, "SELECT state, jobs FROM google.aiplatform.nas_job_counts")).containsExactly("JOB_STATE_UNSPECIFIED|2");
                assertThat(rows(s, "SELECT COUNT(*) FROM nasql.flyway_schema_history WHERE version = '10' AND success")).containsExactly("1");
            }
        }
    }

    private static void migrateToVersion1(String url) {
        Flyway.configure().dataSource(url, "", "").schemas("nasql").defaultSchema("nasql")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("1").load().migrate();
    }

    private static void insertJob(Connection c, String id, String spec) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, nasJobsId, name, nasJobSpec, syncedAt)"
                    + " VALUES ('p', 'us-central1', '" + id + "', 'projects/1/locations/us-central1/nasJobs/" + id + "', '"
                    + spec + "' FORMAT JSON, CURRENT_TIMESTAMP)");
        }
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
