package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's driver compiles a statement only when it runs, so a rewrite onto a table the role may not read would
 * fail where the statement as written works: such a role gets its counts from the tables it may read.
 */
class RoutedStatementPrivilegeTest {
    private static final ScopeKey SCOPE = new ScopeKey("p1", "us-central1");
    private static final String BY_STATE = "SELECT state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY state ORDER BY state";
    private static final String BY_TEAM = "SELECT json_value(labels, '$.team') AS team, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs"
            + " GROUP BY json_value(labels, '$.team') ORDER BY team";

    @Test
    void aRoleThatMayNotReadTheCountTablesCountsFromWhatItMayRead() throws Exception {
        jobs();
        // Granted table by table after the migrations, without the count tables.
        grantSchemaAnd("aiplatform.nas_jobs, aiplatform.nas_job_summaries, aiplatform.nas_job_documents");
        try (Connection reader = reader()) {
            assertThat(rows(reader, BY_STATE)).containsExactly("JOB_STATE_FAILED 2", "JOB_STATE_RUNNING 1");
            assertThat(rows(reader, BY_TEAM)).containsExactly("a 1", "b 2");
            // The count table named in a comment, an alias or a literal is still the table the rewrite reads.
            assertThat(rows(reader, BY_STATE + " -- cf. nas_job_counts")).containsExactly("JOB_STATE_FAILED 2", "JOB_STATE_RUNNING 1");
            assertThat(rows(reader, "SELECT state, COUNT(*) AS nas_job_counts FROM google.aiplatform.nas_jobs"
                    + " WHERE state <> 'nas_job_label_counts' GROUP BY state ORDER BY state")).containsExactly("JOB_STATE_FAILED 2", "JOB_STATE_RUNNING 1");
        }
        // Once it may read them, a new connection reads the counts from the count tables: a row only they hold shows.
        TestPostgres.run("google", "GRANT SELECT ON aiplatform.nas_job_counts, aiplatform.nas_job_label_counts TO " + TestPostgres.PASSWORD_ROLE,
                "INSERT INTO aiplatform.nas_job_counts VALUES ('p9', 'us-central1', 'JOB_STATE_PAUSED', 5)");
        try (Connection reader = reader()) {
            assertThat(rows(reader, BY_STATE)).containsExactly("JOB_STATE_FAILED 2", "JOB_STATE_PAUSED 5", "JOB_STATE_RUNNING 1");
        }
    }

    @Test
    void aRoleGrantedTheJobsViewAloneCountsFromIt() throws Exception {
        jobs();
        grantSchemaAnd("aiplatform.nas_jobs");
        try (Connection reader = reader()) {
            assertThat(rows(reader, BY_STATE)).containsExactly("JOB_STATE_FAILED 2", "JOB_STATE_RUNNING 1");
            // Routed to the summaries elsewhere, whose name it mentions.
            assertThat(rows(reader, "SELECT \"displayName\" AS nas_job_summaries_name, COUNT(*) FROM google.aiplatform.nas_jobs"
                    + " GROUP BY \"displayName\" ORDER BY 1")).containsExactly("job1 1", "job2 1", "job3 1");
        }
    }

    @Test
    void withoutTheSchemaTheErrorIsTheStatementsOwnNotAnAbortedTransaction() throws Exception {
        jobs();
        try (Connection reader = reader()) {
            reader.setAutoCommit(false); // as the shell streams a query's rows
            assertThatThrownBy(() -> rows(reader, BY_STATE)).hasMessageContaining("permission denied for schema aiplatform");
            reader.rollback();
        }
    }

    private static void jobs() {
        String url = TestPostgres.freshGoogle();
        try (Inventory inventory = Inventory.open(url)) {
            InventoryStore store = new InventoryStore(inventory);
            OffsetDateTime at = OffsetDateTime.parse("2026-01-02T03:04:05Z");
            store.putJob(SCOPE, job("1", JobState.JOB_STATE_RUNNING, "a"), "sync", at);
            store.putJob(SCOPE, job("2", JobState.JOB_STATE_FAILED, "b"), "sync", at);
            store.putJob(SCOPE, job("3", JobState.JOB_STATE_FAILED, "b"), "sync", at);
        }
    }

    /** The reader role may use the schema and read these tables only. */
    private static void grantSchemaAnd(String tables) {
        TestPostgres.run("google", "GRANT USAGE ON SCHEMA aiplatform TO " + TestPostgres.PASSWORD_ROLE,
                "GRANT SELECT ON " + tables + " TO " + TestPostgres.PASSWORD_ROLE);
    }

    private static Connection reader() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/google", TestPostgres.PASSWORD_ROLE,
                "team-secret-42");
    }

    private static NasJob job(String id, JobState state, String team) {
        return NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/" + id).setDisplayName("job" + id)
                .setState(state).putLabels("team", team).build();
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (RoutedStatement statement = RoutedStatement.prepare(connection, sql, Backend.POSTGRESQL); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getLong(2));
            }
        }
        return rows;
    }
}
