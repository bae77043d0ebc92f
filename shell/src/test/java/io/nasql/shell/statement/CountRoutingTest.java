package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.TestInventories;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Counts answered from nas_job_counts are the counts of the jobs themselves, labels and types included, on H2 and PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class CountRoutingTest {
    private static final String T = "google.aiplatform.nas_jobs";

    @Parameter
    Backend backend;

    private Inventory inventory;

    @BeforeEach
    void jobs() {
        inventory = TestInventories.fresh(backend);
        InventoryStore store = new InventoryStore(inventory);
        OffsetDateTime at = OffsetDateTime.parse("2026-01-02T03:04:05Z");
        JobState[] states = {JobState.JOB_STATE_FAILED, JobState.JOB_STATE_SUCCEEDED, JobState.JOB_STATE_RUNNING, JobState.JOB_STATE_RUNNING};
        String[] locations = {"us-central1", "europe-west4"};
        for (int i = 1; i <= 23; i++) {
            NasJob job = NasJob.newBuilder().setName("projects/1/locations/" + locations[i % 2] + "/nasJobs/" + i)
                    .setDisplayName("job" + i).setState(states[i % 4])
                    .putAllLabels(i % 5 == 0 ? java.util.Map.of() : java.util.Map.of("team", "t" + i % 3, "owner", i % 2 == 0 ? "ann" : "bo"))
                    .build();
            store.putJob(new ScopeKey("p" + i % 3, locations[i % 2]), job, "sync", at);
        }
        // A job that is gone and one that changed state: the counts follow.
        store.removeJob(new ScopeKey("p1", "europe-west4"), "1", "delete", at);
        store.putJob(new ScopeKey("p2", "us-central1"), NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/2")
                .setDisplayName("job2").setState(JobState.JOB_STATE_CANCELLED).build(), "cancel", at);
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void countsGroupedByProjectLocationOrStateAreAnsweredFromTheCountsTableWithTheSameResult() throws Exception {
        List<String> routed = List.of(
                "SELECT state, COUNT(*) AS jobs FROM " + T + " GROUP BY state ORDER BY state",
                "SELECT state, COUNT(*) FROM " + T + " GROUP BY state ORDER BY state",
                "select state, count(*) from " + T + " group by state order by count(*) desc, state",
                "SELECT projectsId, state, COUNT(*) AS jobs FROM " + T + " GROUP BY projectsId, state ORDER BY jobs DESC, 1, 2",
                "SELECT projectsId, locationsId, state, COUNT(*) AS jobs FROM " + T + " GROUP BY projectsId, locationsId, state"
                        + " ORDER BY projectsId, locationsId, state",
                "SELECT COUNT(*) FROM " + T,
                "SELECT COUNT(*) AS n FROM " + T + " WHERE state = 'JOB_STATE_QUEUED'",
                "SELECT COUNT(*) n, COUNT(*) FROM " + T + " j WHERE j.projectsId IN ('p0', 'p2') AND NOT (j.state LIKE '%RUNNING')",
                "SELECT j.state AS s, COUNT(*) AS jobs FROM " + T + " AS j WHERE j.locationsId <> 'us-central1'"
                        + " GROUP BY j.state HAVING COUNT(*) > 1 ORDER BY s",
                "SELECT nas_jobs.state FROM " + T + " GROUP BY nas_jobs.state ORDER BY 1 DESC",
                "SELECT locationsId, COUNT(*) AS jobs FROM " + T + " WHERE projectsId BETWEEN 'p0' AND 'p1' OR state IS NULL"
                        + " GROUP BY locationsId ORDER BY jobs DESC, locationsId LIMIT 1",
                "SELECT state, COUNT(*) AS jobs FROM " + T + " GROUP BY state ORDER BY state OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY;",
                "SELECT \"j\".state, COUNT(*) AS \"jobs\" FROM aiplatform.\"nas_jobs\" AS j GROUP BY j.state ORDER BY \"jobs\", 1");
        List<String> notRouted = List.of(
                "SELECT state FROM " + T + " ORDER BY state",
                "SELECT DISTINCT state FROM " + T + " ORDER BY state",
                "SELECT state, COUNT(displayName) FROM " + T + " GROUP BY state ORDER BY 1",
                "SELECT state, COUNT(*) FROM " + T + " WHERE displayName = 'job3' GROUP BY state ORDER BY 1",
                "SELECT state, COUNT(*) FROM " + T + " WHERE state IN (SELECT state FROM " + T + ") GROUP BY state ORDER BY 1",
                "SELECT state, COUNT(*) * 2 AS twice FROM " + T + " GROUP BY state ORDER BY 1",
                "SELECT state, COUNT(*) OVER () FROM " + T + " ORDER BY 1",
                "SELECT LOWER(state), COUNT(*) FROM " + T + " GROUP BY LOWER(state) ORDER BY 1",
                "SELECT state, COUNT(*) FROM " + T + " j, google.aiplatform.nas_trials t GROUP BY state",
                "SELECT x.state, COUNT(*) FROM " + T + " j GROUP BY x.state",
                "SELECT state, COUNT(*) AS jobs FROM " + T + " GROUP BY state HAVING jobs > 1",
                "SELECT state, COUNT(*) FROM " + T + " GROUP BY state UNION SELECT 'x', 1",
                "SELECT state, \"COUNT\"(*) FROM " + T + " GROUP BY state");
        if (backend == Backend.POSTGRESQL) {
            // Quoted names are exact on PostgreSQL: these are other tables, or an output name that ORDER BY jobs is not.
            notRouted = new java.util.ArrayList<>(notRouted);
            notRouted.add("SELECT COUNT(*) FROM aiplatform.\"NAS_JOBS\"");
            notRouted.add("SELECT COUNT(*) FROM \"Aiplatform\".nas_jobs");
            notRouted.add("SELECT COUNT(*) AS \"Jobs\" FROM " + T + " ORDER BY jobs");
            notRouted.add("SELECT \"J\".state, COUNT(*) FROM " + T + " j GROUP BY \"J\".state");
        }
        assertAnsweredFrom(CountRouting.COUNTS, routed, notRouted);
    }

    @Test
    void countsByALabelProjectAndLocationAreAnsweredFromTheLabelCountsWithTheSameResult() throws Exception {
        List<String> routed = List.of(
                "SELECT json_value(labels, '$.team') AS team, COUNT(*) AS jobs FROM " + T
                        + " GROUP BY json_value(labels, '$.team') ORDER BY team NULLS FIRST",
                "SELECT JSON_VALUE(j.labels, '$.owner'), j.projectsId, COUNT(*) FROM " + T + " j"
                        + " WHERE j.locationsId <> 'us-central1' GROUP BY JSON_VALUE(j.labels, '$.owner'), j.projectsId ORDER BY 1, 2",
                "SELECT COUNT(*) AS jobs FROM " + T + " WHERE json_value(labels, '$.team') IN ('t1', 't2') OR json_value(labels, '$.team') IS NULL",
                "SELECT json_value(labels, '$.team') AS team, COUNT(*) AS jobs FROM " + T + " GROUP BY json_value(labels, '$.team')"
                        + " HAVING COUNT(*) > 2 ORDER BY jobs DESC, team");
        List<String> notRouted = List.of(
                "SELECT json_value(labels, '$') AS l, COUNT(*) FROM " + T + " GROUP BY json_value(labels, '$') ORDER BY 1",
                "SELECT state, json_value(labels, '$.team'), COUNT(*) FROM " + T + " GROUP BY state, json_value(labels, '$.team')",
                "SELECT COUNT(*) FROM " + T + " WHERE state = 'JOB_STATE_RUNNING' AND json_value(labels, '$.team') = 't1'",
                "SELECT json_value(error, '$.message'), COUNT(*) FROM " + T + " GROUP BY json_value(error, '$.message')",
                "SELECT labels, COUNT(*) FROM " + T + " GROUP BY labels",
                "SELECT COUNT(*) FROM " + T + " WHERE labels IS NULL",
                "SELECT json_value(x.labels, '$.team'), COUNT(*) FROM " + T + " j GROUP BY json_value(x.labels, '$.team')");
        assertAnsweredFrom(CountRouting.LABEL_COUNTS, routed, notRouted);
    }

    /** Each routed statement reads {@code table}, not the jobs, with the same labels, types and rows; the others are left as written. */
    private void assertAnsweredFrom(String table, List<String> routed, List<String> notRouted) throws SQLException {
        try (Connection connection = inventory.connection()) {
            for (String sql : routed) {
                String asRouted = CountRouting.route(sql, backend);
                assertThat(asRouted).as(sql).contains(table).doesNotContainIgnoringCase("aiplatform.nas_jobs");
                List<String> asWritten = run(connection, sql);
                assertThat(asWritten).as(sql).hasSizeGreaterThan(1);
                assertThat(run(connection, asRouted)).as(sql + "\nrouted as: " + asRouted).isEqualTo(asWritten);
            }
            for (String sql : notRouted) {
                assertThat(CountRouting.route(sql, backend)).as("not a count " + table + " answers").isEqualTo(sql);
            }
        }
    }

    @Test
    void theShellRunsACountFromTheCountsTable() throws Exception {
        try (Connection connection = inventory.connection()) {
            // Made visible: a row the jobs do not have. Routed, the count reads it; as written, it does not.
            try (var s = connection.createStatement()) {
                s.execute("INSERT INTO \"aiplatform\".\"nas_job_counts\" VALUES ('p9', 'us-central1', 'JOB_STATE_PAUSED', 5)");
            }
            String sql = "SELECT COUNT(*) AS jobs FROM " + T + " WHERE projectsId = 'p9'";
            try (RoutedStatement statement = RoutedStatement.prepare(connection, sql, backend); var rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(5);
            }
            assertThat(run(connection, sql)).containsExactly(run(connection, sql).get(0), "0");
        }
    }

    /** Labels, JDBC types and rows as text; an error as its code. */
    private static List<String> run(Connection connection, String sql) {
        try {
            return ResultText.of(connection, sql, false);
        } catch (SQLException e) {
            return List.of("error " + e.getErrorCode() + " " + e.getMessage());
        }
    }
}
