package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What is particular to a PostgreSQL inventory: names, json_value, time precision, passwords. */
class PostgresInventoryTest {
    private static final ScopeKey SCOPE = new ScopeKey("proj-a", "us-central1");
    private static final String PASSWORD = "team-secret-42";

    @Test
    void theResourcePagesSelectRunsVerbatimWithCamelCaseLabels() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "stackql-nas_jobs.md"));
        int start = page.indexOf("```sql\nSELECT");
        String select = page.substring(start + 7, page.indexOf("```", start + 7)).trim()
                .replace("{{ locationsId }}", "us-central1").replace("{{ projectsId }}", "proj-a");
        assertThat(select).contains("displayName").contains("google.aiplatform.nas_jobs");
        try (Inventory inventory = TestPostgres.freshInventory()) {
            new InventoryStore(inventory).putJob(SCOPE, TestJobs.job(SCOPE, "11", JobState.JOB_STATE_RUNNING, 1_700_000_100L),
                    "sync", OffsetDateTime.now(ZoneOffset.UTC));
            try (Connection c = inventory.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
                assertThat(labels).containsExactly("name", "createTime", "displayName", "enableRestrictedImageTraining",
                        "encryptionSpec", "endTime", "error", "labels", "nasJobOutput", "nasJobSpec", "satisfiesPzi",
                        "satisfiesPzs", "startTime", "state", "updateTime");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("displayName")).isEqualTo("job 11");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void typesAndAliasesInAnyCaseRunAsWrittenAndLabelAsOnH2() throws Exception {
        try (Inventory inventory = TestPostgres.freshInventory()) {
            new InventoryStore(inventory).putJob(SCOPE, TestJobs.job(SCOPE, "11", JobState.JOB_STATE_RUNNING, 1_700_000_100L),
                    "sync", OffsetDateTime.now(ZoneOffset.UTC));
            try (Connection c = inventory.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT CAST(createTime AS Date) AS createdOn, Count(*) AS Count, "
                         + "CAST(1.25 AS Numeric(4, 1)) AS Name FROM google.aiplatform.nas_jobs GROUP BY CAST(createTime AS Date)")) {
                ResultSetMetaData meta = rs.getMetaData();
                assertThat(List.of(meta.getColumnLabel(1), meta.getColumnLabel(2), meta.getColumnLabel(3)))
                        .containsExactly("createdOn", "Count", "Name");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("createdOn")).startsWith("2023-11-1");
                assertThat(rs.getLong("Count")).isEqualTo(1);
            }
        }
    }

    @Test
    void everyObjectTheConnectionHandsOutRunsItsSqlQuotedToo() throws Exception {
        String camelCase = "SELECT displayName FROM google.aiplatform.nas_jobs";
        try (Inventory inventory = TestPostgres.freshInventory();
             Connection c = inventory.connection(); Statement s = c.createStatement();
             java.sql.PreparedStatement prepared = c.prepareStatement("SELECT 1");
             ResultSet one = s.executeQuery("SELECT 1")) {
            List<Connection> handedOut = List.of(s.getConnection(), prepared.getConnection(), one.getStatement().getConnection(),
                    c.getMetaData().getConnection());
            for (Connection other : handedOut) {
                try (Statement t = other.createStatement(); ResultSet rs = t.executeQuery(camelCase)) {
                    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("displayName");
                }
            }
            assertThat(one.getStatement()).isSameAs(s);
        }
    }

    /** Headings as H2 prints them: only the names the outermost select list gives, column by column, folded back as PostgreSQL folds them. */
    @ParameterizedTest
    @MethodSource("io.nasql.db.TestInventories#backends")
    void headingsAreTheOuterSelectListsAliasesInColumnOrder(Backend backend) throws Exception {
        Map<String, List<String>> headings = new java.util.LinkedHashMap<>();
        headings.put("SELECT 1 AS Total, 2 AS total, 3 AS State", List.of("Total", "total", "State"));
        headings.put("SELECT 1 AS \u00c4Bc, 2 \u00e4Bc", List.of("\u00c4Bc", "\u00e4Bc"));
        headings.put("SELECT t.Jobs, Jobs AS Again FROM (SELECT count(*) AS Jobs) t", List.of("Jobs", "Again"));
        headings.put("WITH c AS (SELECT 1 AS Inside) SELECT inside AS Outside, CAST(inside AS Numeric) n, count(*) Many FROM c GROUP BY inside",
                List.of("Outside", "n", "Many"));
        try (Inventory inventory = TestInventories.fresh(backend); Connection c = inventory.connection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, List<String>> expected : headings.entrySet()) {
                try (ResultSet rs = s.executeQuery(expected.getKey())) {
                    List<String> labels = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        labels.add(rs.getMetaData().getColumnLabel(i));
                    }
                    assertThat(labels).as(expected.getKey()).isEqualTo(expected.getValue());
                }
            }
        }
    }

    @Test
    void aMetadataResultSetLeadsBackToTheQuotingConnection() throws Exception {
        String camelCase = "SELECT displayName FROM google.aiplatform.nas_jobs";
        try (Inventory inventory = TestPostgres.freshInventory(); Connection c = inventory.connection();
             ResultSet tables = c.getMetaData().getTables(null, "aiplatform", "nas_jobs", null)) {
            assertThat(tables.next()).isTrue();
            try (Statement t = tables.getStatement().getConnection().createStatement(); ResultSet rs = t.executeQuery(camelCase)) {
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("displayName");
            }
            assertThat(tables.getStatement().getConnection()).isSameAs(c);
        }
    }

    @Test
    void jsonValueGivesTheSameResultsAsOnH2() throws Exception {
        String doc = "{\"a\":{\"b\":[10,{\"c\":\"x y\"},true,null,2.5]},\"team\":\"vision\",\"my-key\":\"k\",\"empty\":{},\"arr\":[1,[2,3]]}";
        List<String> paths = List.of("$.team", "$.a.b[0]", "$.a.b[1].c", "$.a.b[2]", "$.a.b[3]", "$.a.b[4]", "$.a.b[9]",
                "$.missing", "$.a.missing.deeper", "$['my-key']", "$[\"team\"]", "$.empty", "$.arr", "$.a.b[1]", "$.team[0]",
                "$.a[0]", "$.\"my-key\"", "$.a.\"b\"[1].c");
        try (Inventory h2 = TestInventories.fresh(Backend.H2); Inventory pg = TestPostgres.freshInventory()) {
            for (String path : paths) {
                String sql = "SELECT json_value('" + doc + "', '" + path.replace("'", "''") + "')";
                assertThat(scalar(pg, sql)).as(path).isEqualTo(scalar(h2, sql)).isEqualTo(JsonPath.value(doc, path));
            }
            // An object comes back compact on both; jsonb keeps its keys in its own order (shorter first, then by bytes).
            assertThat(scalar(pg, "SELECT json_value('{\"bb\":2,\"a\":1,\"c\":[1, 2]}', '$')")).isEqualTo("{\"a\":1,\"c\":[1,2],\"bb\":2}");
            assertThatThrownBy(() -> scalar(pg, "SELECT json_value('{}', 'team')")).hasMessageContaining("a path starts with $");
        }
    }

    @Test
    void jsonValueReadsTheJsonbColumns() throws Exception {
        try (Inventory pg = TestPostgres.freshInventory()) {
            new InventoryStore(pg).putJob(SCOPE, TestJobs.job(SCOPE, "7", JobState.JOB_STATE_FAILED, 1_700_000_100L), "sync",
                    OffsetDateTime.now(ZoneOffset.UTC));
            assertThat(scalar(pg, "SELECT json_value(error, '$.message') || '/' || json_value(labels, '$.team') || '/'"
                    + " || json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal') FROM google.aiplatform.nas_jobs"))
                    .isEqualTo("worker pool 0 exited with code 1/vision/MAXIMIZE");
            assertThat(scalar(pg, "SELECT data_type FROM information_schema.columns WHERE table_name = 'nas_jobs'"
                    + " AND column_name = 'nasJobSpec'")).isEqualTo("jsonb");
        }
    }

    @Test
    void timesKeepMicrosecondsAndAnUnchangedJobComparesEqual() {
        try (Inventory pg = TestPostgres.freshInventory()) {
            InventoryStore store = new InventoryStore(pg);
            Timestamp nanos = Timestamp.newBuilder().setSeconds(1_700_000_100L).setNanos(123_456_789).build();
            NasJob job = TestJobs.job(SCOPE, "8", JobState.JOB_STATE_RUNNING, 0).toBuilder().setUpdateTime(nanos).build();
            store.putJob(SCOPE, job, "sync", OffsetDateTime.now(ZoneOffset.UTC));
            OffsetDateTime stored = store.updateTimes(SCOPE).get("8");
            assertThat(stored.getNano()).isEqualTo(123_456_000);
            assertThat(store.sameTime(stored, ProtoJson.time(nanos))).isTrue();
            assertThat(store.sameTime(stored, ProtoJson.time(nanos).plusNanos(1000))).isFalse();
        }
    }

    @Test
    void aVersion1PostgresInventoryIsUpgradedInPlaceThroughThePostgresMigrations() throws Exception {
        TestPostgres.admin("DROP DATABASE IF EXISTS google WITH (FORCE)", "CREATE DATABASE google");
        String url = TestPostgres.url("google");
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).schemas("nasql").defaultSchema("nasql")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").target("1").load().migrate();
        TestPostgres.run("google", "INSERT INTO aiplatform.nas_jobs (\"projectsId\", \"locationsId\", \"nasJobsId\", name,"
                + " \"displayName\", state, labels, \"nasJobSpec\", \"syncedAt\") VALUES ('p', 'us-central1', '1', 'projects/1/locations/"
                + "us-central1/nasJobs/1', 'one', 'JOB_STATE_RUNNING', '{\"team\":\"vision\"}', '{\"multiTrialAlgorithmSpec\":"
                + "{\"metric\":{\"metricId\":\"top1_accuracy\",\"goal\":\"MAXIMIZE\"}}}', now())");
        try (Inventory pg = Inventory.open(url, null, Map.of())) {
            assertThat(scalar(pg, "SELECT j.nasJobsId || '|' || j.displayName || '|' || json_value(j.labels, '$.team') || '|'"
                    + " || s.metricId || '|' || s.goal FROM google.aiplatform.nas_jobs j JOIN google.aiplatform.nas_job_summaries s"
                    + " USING (projectsId, locationsId, nasJobsId)")).isEqualTo("1|one|vision|top1_accuracy|MAXIMIZE");
            assertThat(scalar(pg, "SELECT MAX(CAST(version AS INTEGER)) FROM nasql.flyway_schema_history")).isEqualTo(String.valueOf(Inventory.SCHEMA_VERSION));
        }
    }

    @Test
    void theCountsV10AndV12AddBelongToTheJobsOwnerAndAreReadAndWrittenByWhoeverMayTheJobs() throws Exception {
        TestPostgres.admin("DROP DATABASE IF EXISTS google WITH (FORCE)", "CREATE DATABASE google",
                "DO $$ BEGIN CREATE ROLE counts_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "DO $$ BEGIN CREATE ROLE counts_writer; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "DO $$ BEGIN CREATE ROLE counts_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        String url = TestPostgres.url("google");
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).schemas("nasql").defaultSchema("nasql")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").target("9").load().migrate();
        // The jobs belong to the sync workers' role; this upgrade runs as another (the administrator here).
        TestPostgres.run("google", "GRANT SELECT ON aiplatform.nas_job_summaries TO counts_reader",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON aiplatform.nas_job_summaries TO counts_writer",
                "ALTER TABLE aiplatform.nas_job_summaries OWNER TO counts_owner",
                "INSERT INTO aiplatform.nas_job_summaries (\"projectsId\", \"locationsId\", \"nasJobsId\", name, labels, state, \"startTime\","
                        + " \"syncedAt\") VALUES ('p', 'us-central1', '1', 'projects/p/locations/us-central1/nasJobs/1', '{\"team\": \"a\"}',"
                        + " 'JOB_STATE_RUNNING', '2026-01-02 03:04:05.123456+00', now())");
        try (Inventory pg = Inventory.open(url, null, Map.of())) {
            // V12 counts the job it finds, its start to the microsecond.
            assertThat(scalar(pg, "SELECT labels::text || ' ' || jobs || ' ' || \"runningJobs\" || ' ' || \"openJobs\" || ' ' || \"openStartSeconds\""
                    + " FROM aiplatform.nas_job_label_counts")).isEqualTo("{\"team\": \"a\"} 1 1 1 1767323045.123456000");
            // V10's counts and V12's label counts alike.
            for (String counts : List.of("nas_job_counts", "nas_job_label_counts")) {
                String table = "'aiplatform." + counts + "'";
                assertThat(scalar(pg, "SELECT tableowner FROM pg_tables WHERE schemaname = 'aiplatform' AND tablename = '" + counts + "'"))
                        .isEqualTo("counts_owner");
                assertThat(scalar(pg, "SELECT has_table_privilege('counts_reader', " + table + ", 'SELECT')")).isEqualTo("t");
                assertThat(scalar(pg, "SELECT has_table_privilege('counts_reader', " + table + ", 'INSERT')")).isEqualTo("f");
                assertThat(scalar(pg, "SELECT has_table_privilege('counts_writer', " + table + ", 'INSERT')"
                        + " AND has_table_privilege('counts_writer', " + table + ", 'UPDATE')"
                        + " AND has_table_privilege('counts_writer', " + table + ", 'DELETE')")).isEqualTo("t");
            }
        }
    }

    @Test
    void aDatabaseNotNamedGoogleIsRefusedWithWhatToDo() {
        TestPostgres.admin("DROP DATABASE IF EXISTS inventory", "CREATE DATABASE inventory");
        assertThatThrownBy(() -> Inventory.open(TestPostgres.url("inventory"), null, Map.of()))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("is database inventory: name it google");
    }

    @Test
    void thePasswordComesFromPgpasswordThenConfigThenPgpassAndIsNeverPrinted(@TempDir Path home) throws Exception {
        TestPostgres.freshGoogle();
        TestPostgres.run("google", "GRANT ALL ON SCHEMA aiplatform, nasql TO " + TestPostgres.PASSWORD_ROLE,
                "GRANT SELECT ON ALL TABLES IN SCHEMA aiplatform, nasql TO " + TestPostgres.PASSWORD_ROLE);
        String url = "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/google?user=" + TestPostgres.PASSWORD_ROLE;
        try (Inventory fromEnv = Inventory.open(url, "wrong", Map.of("PGPASSWORD", PASSWORD))) {
            assertThat(fromEnv.backend()).isEqualTo(Backend.POSTGRESQL);
        }
        try (Inventory fromConfig = Inventory.open(url, PASSWORD, Map.of())) {
            assertThat(fromConfig.backend()).isEqualTo(Backend.POSTGRESQL);
        }
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + TestPostgres.port() + ":google:" + TestPostgres.PASSWORD_ROLE + ":" + PASSWORD + "\n");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (Inventory fromPgpass = Inventory.open(url, null, Map.of())) {
            assertThat(fromPgpass.backend()).isEqualTo(Backend.POSTGRESQL);
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
        assertThatThrownBy(() -> Inventory.open(url, "not-the-password-77", Map.of()))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password-77");
        assertThatThrownBy(() -> Inventory.open(url + "&password=url-secret-99", null, Map.of()))
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("url-secret-99");
    }

    private static String scalar(Inventory inventory, String sql) throws Exception {
        try (Connection c = inventory.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
