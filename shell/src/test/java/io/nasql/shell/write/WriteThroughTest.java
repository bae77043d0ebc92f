package io.nasql.shell.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Backend;
import io.nasql.db.TestPostgres;
import io.nasql.emulator.CallStats;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.ReferencePage;
import io.nasql.shell.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** INSERT, DELETE and EXEC cancel through the real client to the emulator, and the inventory after them, on H2 and PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class WriteThroughTest {
    @Parameter
    Backend backend;

    private static final Path VARS = Path.of("..", "scripts", "examples", "create-job.vars.yaml");

    @TempDir
    Path home;
    ManualClock clock;
    EmulatorServer emulator;
    String db;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(Instant.now());
        emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), EmulatorConfig.DEFAULT_LOCATIONS, 6, 3)
                .withOperationDelay(Duration.ofMillis(300)), clock);
        db = backend == Backend.H2 ? Cli.memoryDb() : TestPostgres.freshGoogle();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Cli.Result nasql(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--endpoint", emulator.endpoint(), "--plaintext"));
        all.addAll(List.of(args));
        return Cli.run(home, "", all.toArray(String[]::new));
    }

    private Path script(String name, String text) throws Exception {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private CallStats calls() {
        return emulator.stats();
    }

    private NasJob job(JobState state) {
        return emulator.jobs().stream().filter(j -> j.getName().contains("/us-central1/") && j.getState() == state).findFirst().orElseThrow();
    }

    private static String id(NasJob job) {
        return job.getName().substring(job.getName().lastIndexOf('/') + 1);
    }

    @Test
    void thePagesInsertCreatesAJobThatTheNextSelectShows() throws Exception {
        Path insert = script("insert.iql", ReferencePage.insert());
        Cli.Result created = nasql("-o", "text", "--vars", VARS.toString(), "-f", insert.toString());
        assertThat(created.err()).isEmpty();
        assertThat(created.code()).isZero();
        assertThat(created.out()).startsWith("projectsId\tlocationsId\tnasJobsId\tdisplayName\tstate\tcreateTime\toutcome\n")
                .contains("\tmnasnet-accuracy-search\tJOB_STATE_QUEUED\t");
        assertThat(calls().calls("CreateNasJob")).isEqualTo(1);

        Cli.Result select = nasql("-o", "text", "-e", "SELECT displayName, state,"
                + " json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal') AS goal,"
                + " json_value(labels, '$.owner') AS owner FROM google.aiplatform.nas_jobs WHERE displayName = 'mnasnet-accuracy-search'");
        assertThat(select.out()).isEqualTo("displayName\tstate\tgoal\towner\nmnasnet-accuracy-search\tJOB_STATE_QUEUED\tMAXIMIZE\talice\n");

        Path page = script("select.iql", ReferencePage.select());
        Cli.Result listed = nasql("-o", "json", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1", "-f", page.toString());
        assertThat(listed.err()).contains("syncing 1 scope first");
        assertThat(listed.out().lines().filter(l -> l.startsWith("{\"name\"")).count()).isEqualTo(7);
        assertThat(listed.out().lines().skip(1).findFirst().orElseThrow().replaceFirst(",$", "")).matches("\\{\"name\":\"projects/\\d+/locations/us-central1/nasJobs/\\d+\","
                + "\"createTime\":\"[^\"]+\",\"displayName\":\"[^\"]+\",\"enableRestrictedImageTraining\":false,\"encryptionSpec\":null,"
                + "\"endTime\":.*,\"error\":.*,\"labels\":\\{.*},\"nasJobOutput\":.*,\"nasJobSpec\":\\{.*},\"satisfiesPzi\":false,"
                + "\"satisfiesPzs\":false,\"startTime\":.*,\"state\":\"JOB_STATE_[A-Z]+\",\"updateTime\":\"[^\"]+\"}");
        // Labels come back as a nested object (PostgreSQL's jsonb keeps its keys in its own order, so compare as JSON).
        com.fasterxml.jackson.databind.JsonNode createdRow = null;
        for (com.fasterxml.jackson.databind.JsonNode row : new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed.out())) {
            if (row.get("displayName").asText().equals("mnasnet-accuracy-search")) {
                createdRow = row;
            }
        }
        assertThat(createdRow).isNotNull();
        assertThat(createdRow.get("labels")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"owner\":\"alice\",\"team\":\"vision\"}"));
    }

    @Test
    void thePagesDeleteRemovesAFinishedJobFromTheEmulatorAndTheInventory() throws Exception {
        NasJob done = job(JobState.JOB_STATE_SUCCEEDED);
        assertThat(nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'").code()).isZero();
        Path delete = script("delete.iql", ReferencePage.delete());
        Cli.Result result = nasql("-o", "text", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1",
                "--var", "nasJobsId=" + id(done), "-f", delete.toString());
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("projectsId\tlocationsId\tnasJobsId\toutcome\nproj-001\tus-central1\t" + id(done) + "\tdeleted\n");
        assertThat(emulator.jobs()).noneMatch(j -> j.getName().equals(done.getName()));
        assertThat(nasql("-o", "text", "-e", "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + id(done) + "'").out())
                .isEqualTo("c\n0\n");
        assertThat(nasql("-o", "text", "-e", "SELECT fromState, toState, source FROM google.aiplatform.nas_job_events WHERE nasJobsId = '"
                + id(done) + "' ORDER BY eventId").out()).endsWith("JOB_STATE_SUCCEEDED\tDELETED\tdelete\n");
    }

    @Test
    void deletingARunningJobFailsWithFailedPreconditionAndKeepsItsRow() {
        NasJob running = job(JobState.JOB_STATE_RUNNING);
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
        Cli.Result result = nasql("-e", "DELETE FROM google.aiplatform.nas_jobs WHERE locationsId = 'us-central1' AND nasJobsId = '"
                + id(running) + "' AND projectsId = 'proj-001'");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: -e:1: FAILED_PRECONDITION: ").contains("JOB_STATE_RUNNING").hasLineCount(1);
        assertThat(nasql("-o", "text", "-e", "SELECT state FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + id(running) + "'").out())
                .isEqualTo("state\nJOB_STATE_RUNNING\n");
    }

    @Test
    void execCancelMovesTheJobToCancellingThenCancelled() {
        NasJob running = job(JobState.JOB_STATE_RUNNING);
        String exec = "EXEC google.aiplatform.nas_jobs.cancel @locationsId='us-central1', @nasJobsId='" + id(running) + "', @projectsId='proj-001'";
        Cli.Result cancelled = nasql("-o", "text", "-e", exec);
        assertThat(cancelled.code()).isZero();
        assertThat(cancelled.out()).contains("\tJOB_STATE_CANCELLING\t");
        assertThat(nasql("-o", "text", "-e", "SELECT state FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + id(running) + "'").out())
                .isEqualTo("state\nJOB_STATE_CANCELLING\n");
        clock.advance(Duration.ofSeconds(3));
        Cli.Result live = nasql("-o", "text", "-e", "SET max_age = 0; SELECT state, json_value(error, '$.code') AS code"
                + " FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'us-central1' AND nasJobsId = '" + id(running) + "'");
        assertThat(live.out()).isEqualTo("state\tcode\nJOB_STATE_CANCELLED\t1\n");
        assertThat(nasql("-e", exec).err()).contains("FAILED_PRECONDITION");
    }

    @Test
    void aBulkDeleteWithoutYesSendsNothingAndWithYesDeletesEachMatch() {
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId IN ('us-central1', 'europe-west4')");
        String bulk = "DELETE FROM google.aiplatform.nas_jobs WHERE state IN ('JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED')";
        long finished = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED || j.getState() == JobState.JOB_STATE_FAILED).count();
        assertThat(finished).isGreaterThanOrEqualTo(2);

        Cli.Result refused = nasql("-e", bulk);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("DELETE matches " + finished + " jobs in the inventory:").contains("nothing was sent");
        assertThat(calls().calls("DeleteNasJob")).isZero();

        Cli.Result done = nasql("--yes", "-o", "text", "-e", bulk);
        assertThat(done.code()).isZero();
        assertThat(done.out().lines().filter(l -> l.endsWith("\tdeleted")).count()).isEqualTo(finished);
        assertThat(calls().calls("DeleteNasJob")).isEqualTo(finished);
        assertThat(nasql("-o", "text", "-e", "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs WHERE state IN ('JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED')").out())
                .isEqualTo("c\n0\n");
    }

    @Test
    void everyValidationErrorSendsNothing() {
        String head = "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec, labels) SELECT 'proj-001', 'us-central1', ";
        String spec = "'{\"searchSpaceSpec\":\"x\"}'";
        List<String[]> cases = List.of(
                new String[] {head + "'', " + spec + ", '{}'", "would be refused, so nothing was sent: 2 problems:\n"
                        + "  nas_job.display_name: Required field is not set.\n"
                        + "  nas_job.nas_job_spec.multi_trial_algorithm_spec: Required field is not set.\n"},
                new String[] {head + "'" + "x".repeat(129) + "', " + spec + ", '{}'", "nas_job.display_name: Must be at most 128 characters long."},
                new String[] {head + "'ok', NULL, '{}'", "nas_job.nas_job_spec: Required field is not set."},
                new String[] {head + "'ok', " + spec + ", '{\"Team\":\"x\"}'", "nas_job.labels: Invalid label key 'Team'"},
                new String[] {head + "'ok', '{\"searchSpaceSpec\": x}', '{}'", "invalid JSON in nasJobSpec at line 1, column 21"},
                new String[] {head + "'ok', '{\"noSuchField\": 1}', '{}'", "nasJobSpec does not fit NasJobSpec"},
                new String[] {"INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, state) SELECT 'p', 'l', 'x'",
                        "column state is output only: the API sets it; the writable columns are projectsId, locationsId, displayName"},
                new String[] {"INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, colour) SELECT 'p', 'l', 'x'", "unknown column colour"},
                new String[] {"INSERT INTO google.aiplatform.nas_jobs (projectsId, displayName) SELECT 'p', 'x'", "locationsId is required"},
                new String[] {"INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId) SELECT 'p'", "2 columns are named but the query gives 1"});
        for (String[] c : cases) {
            Cli.Result result = nasql("-e", c[0]);
            assertThat(result.code()).as(c[0]).isEqualTo(1);
            assertThat(result.err()).as(c[0]).contains(c[1]);
        }
        assertThat(calls().calls("CreateNasJob")).isZero();
    }

    @Test
    void execNamesWhatItExpects() {
        assertThat(nasql("-e", "EXEC google.aiplatform.nas_jobs.cancel @locationsId='us-central1', @projectsId='proj-001'").err())
                .contains("missing @nasJobsId: cancel takes @locationsId, @nasJobsId, @projectsId");
        assertThat(nasql("-e", "EXEC google.aiplatform.nas_jobs.pause @nasJobsId='1'").err())
                .contains("unknown method 'pause' of google.aiplatform.nas_jobs: EXEC takes google.aiplatform.nas_jobs.cancel");
        assertThat(calls().calls("CancelNasJob")).isZero();
    }

    @Test
    void aSelectThatPinsAScopeSyncsItWhenStaleAndNotOtherwise() {
        String select = "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'europe-west4'";
        Cli.Result first = nasql("-o", "text", "-e", select);
        assertThat(first.out()).isEqualTo("c\n6\n");
        assertThat(first.err()).contains("syncing 1 scope first (max_age 5m): proj-001/europe-west4 (never synced)");
        assertThat(calls().calls("ListNasJobs")).isEqualTo(1);
        Cli.Result fresh = nasql("-o", "text", "-e", select);
        assertThat(fresh.err()).isEmpty();
        assertThat(calls().calls("ListNasJobs")).isEqualTo(1);
        // Pins inside a comment or a literal pin nothing: never-synced proj-002 is not synced for them.
        Cli.Result commented = nasql("-o", "text", "-e", "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs"
                + " /* WHERE projectsId = 'proj-002' AND locationsId = 'europe-west4' */ WHERE displayName <> 'projectsId = ''proj-002'''"
                + " -- AND projectsId = 'proj-002' AND locationsId = 'europe-west4'\n");
        assertThat(commented.err()).isEmpty();
        assertThat(calls().calls("ListNasJobs")).isEqualTo(1);
        // A real pin beside commented ones is read alone: with max_age 0 proj-001/europe-west4 is synced, proj-002 is not.
        Cli.Result live = nasql("-o", "text", "-e", "SET max_age = 0; SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs"
                + " WHERE projectsId = 'proj-001' /* OR projectsId = 'proj-002' */ AND locationsId = 'europe-west4' -- OR projectsId = 'proj-002'\n");
        assertThat(live.out()).isEqualTo("c\n6\n");
        assertThat(live.err()).contains("syncing 1 scope first (max_age 0): proj-001/europe-west4").doesNotContain("proj-002");
        assertThat(calls().calls("ListNasJobs")).isEqualTo(2);
        // A max_age beyond any date trusts the inventory.
        Cli.Result trusted = nasql("-o", "text", "-e", "SET max_age = 99999999999999d; " + select);
        assertThat(trusted.err()).isEmpty();
        assertThat(trusted.out()).isEqualTo("c\n6\n");
        assertThat(calls().calls("ListNasJobs")).isEqualTo(2);
    }

    @Test
    void aTemplateValueCannotEndItsStringWhateverTheSessionsStringSetting() {
        // On PostgreSQL with standard_conforming_strings off a backslash escapes in a plain '...': the value goes in E'...'.
        String off = backend == Backend.POSTGRESQL ? "SET standard_conforming_strings = off; " : "";
        Cli.Result result = nasql("-o", "text", "--var", "name=\\' OR true --", "-e", off + "SELECT COUNT(*) AS c"
                + " FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'europe-west4' AND displayName = '{{ name }}'");
        assertThat(result.out()).isEqualTo("c\n0\n");
        assertThat(result.code()).isZero();
    }

    @Test
    void aManifestInThePagesShapeCreatesItsJobs() {
        Path manifest = Path.of("..", "scripts", "examples", "create-job.manifest.yaml");
        Cli.Result result = nasql("-o", "text", "--manifest", manifest.toString(), "--var", "projectsId=proj-001",
                "--var", "locationsId=europe-west4", "--var", "owner=dana");
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("\tspinenet-latency-search\tJOB_STATE_QUEUED\t");
        NasJob created = emulator.jobs().stream().filter(j -> j.getDisplayName().equals("spinenet-latency-search")).findFirst().orElseThrow();
        assertThat(created.getName()).contains("/locations/europe-west4/");
        assertThat(created.getLabelsMap()).containsEntry("owner", "dana");
        var pool = created.getNasJobSpec().getMultiTrialAlgorithmSpec().getSearchTrialSpec().getSearchTrialJobSpec().getWorkerPoolSpecs(0);
        assertThat(pool.getMachineSpec().getAcceleratorCount()).isEqualTo(2);
        assertThat(pool.getContainerSpec().getArgsList()).containsExactly("--search_space=spinenet");
        assertThat(created.getNasJobSpec().getMultiTrialAlgorithmSpec().getMetric().getGoal().name()).isEqualTo("MINIMIZE");
    }

    @Test
    void aManifestWithoutAScopeSendsNothing() {
        Cli.Result result = nasql("--manifest", Path.of("..", "scripts", "examples", "create-job.manifest.yaml").toString(), "--var", "owner=x");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("name the scope to create in");
        assertThat(calls().calls("CreateNasJob")).isZero();
    }

    @Test
    void aBulkCancelAsksFirstThenCancelsEachMatch() {
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
        String bulk = "EXEC google.aiplatform.nas_jobs.cancel WHERE state = 'JOB_STATE_RUNNING' AND locationsId = 'us-central1'";
        Cli.Result refused = nasql("-e", bulk);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("CANCEL matches").contains("nothing was sent");
        assertThat(calls().calls("CancelNasJob")).isZero();
        Cli.Result done = nasql("--yes", "-o", "text", "-e", bulk);
        assertThat(done.code()).isZero();
        long cancelling = done.out().lines().filter(l -> l.contains("\tJOB_STATE_CANCELLING\t")).count();
        assertThat(cancelling).isPositive().isEqualTo(calls().calls("CancelNasJob"));
    }

    @Test
    void noWaitReturnsOnceTheDeleteHasStartedAndKeepsTheRowUntilASyncSeesItGone() {
        NasJob done = job(JobState.JOB_STATE_SUCCEEDED);
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
        Cli.Result started = nasql("-o", "text", "-e", "/*+ NOWAIT */ DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001'"
                + " AND locationsId = 'us-central1' AND nasJobsId = '" + id(done) + "'");
        assertThat(started.out()).endsWith("\tdelete started\n");
        assertThat(calls().calls("GetOperation")).isZero();
        String count = "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + id(done) + "'";
        assertThat(nasql("-o", "text", "-e", count).out()).isEqualTo("c\n1\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (emulator.jobs().stream().anyMatch(j -> j.getName().equals(done.getName())) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
        assertThat(nasql("-o", "text", "-e", count).out()).isEqualTo("c\n0\n");
    }

    @Test
    void insertSelectClonesAJobWithANewDisplayName() {
        nasql("-e", "SYNC WHERE projectsId = 'proj-001'");
        NasJob original = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED)
                .filter(j -> j.getLabelsCount() > 0).findFirst().orElseThrow();
        Cli.Result cloned = nasql("-o", "text", "-e", "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName,"
                + " nasJobSpec, labels) SELECT projectsId, locationsId, 'copy-of-' || displayName, nasJobSpec, labels"
                + " FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + id(original) + "'");
        assertThat(cloned.err()).isEmpty();
        assertThat(cloned.code()).isZero();
        NasJob copy = emulator.jobs().stream().filter(j -> j.getDisplayName().equals("copy-of-" + original.getDisplayName()))
                .findFirst().orElseThrow();
        assertThat(copy.getNasJobSpec()).isEqualTo(original.getNasJobSpec());
        assertThat(copy.getLabelsMap()).isEqualTo(original.getLabelsMap());
        assertThat(copy.getName()).isNotEqualTo(original.getName()).startsWith(original.getName().substring(0, original.getName().lastIndexOf('/')));
    }

    @Test
    void theIssuesCloneStatementRunsVerbatim() {
        nasql("-e", "SYNC WHERE projectsId = 'proj-001'");
        Cli.Result cloned = nasql("-o", "text", "-e", "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec)"
                + " SELECT projectsId, locationsId, 'copy-of-' || displayName, nasJobSpec FROM google.aiplatform.nas_jobs"
                + " WHERE state = 'JOB_STATE_SUCCEEDED' LIMIT 1;");
        assertThat(cloned.err()).isEmpty();
        assertThat(cloned.out()).contains("\tcopy-of-").contains("\tJOB_STATE_QUEUED\t");
        assertThat(calls().calls("CreateNasJob")).isEqualTo(1);
    }

    @Test
    void manifestVariablesAreDataWhateverTheyHold() throws Exception {
        String yaml = Files.readString(Path.of("..", "scripts", "examples", "create-job.manifest.yaml"))
                .replace("# A NasJob", "# Don't let an apostrophe in a comment matter. A NasJob")
                .replace("value: spinenet-latency-search", "value: \"search {{ title }}\"");
        Path manifest = script("m.yaml", yaml);
        String title = "it's \"quoted\"\nand: two lines # kept";
        Cli.Result result = nasql("-o", "text", "--manifest", manifest.toString(), "--var", "projectsId=proj-001",
                "--var", "locationsId=europe-west4", "--var", "owner=dana", "--var", "title=" + title);
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        assertThat(emulator.jobs()).anyMatch(j -> j.getDisplayName().equals("search " + title) && j.getLabelsMap().get("owner").equals("dana"));
    }

    @Test
    void aMultiRowInsertUnderFailAfterCommitCreatesEachRowOnce() {
        nasql("-e", "SYNC WHERE projectsId = 'proj-001'");
        long before = emulator.jobs().size();
        long lists = calls().calls("ListNasJobs");
        emulator.setFailAfterCommitRate(0.5);
        Cli.Result cloned = nasql("-o", "text", "-e", "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec)"
                + " SELECT projectsId, locationsId, 'again-' || displayName, nasJobSpec FROM google.aiplatform.nas_jobs"
                + " WHERE projectsId = 'proj-001' ORDER BY nasJobsId LIMIT 8");
        assertThat(cloned.err()).isEmpty();
        assertThat(cloned.out().lines().filter(l -> l.contains("\tagain-"))).hasSize(8);
        assertThat(emulator.jobs()).hasSize((int) before + 8);
        assertThat(calls().calls("CreateNasJob")).isEqualTo(8);
        // Each strike of the fault was answered by a lookup, not by a second create.
        assertThat(calls().calls("ListNasJobs")).isGreaterThan(lists);
        assertThat(nasql("-o", "text", "-e", "SELECT COUNT(*) AS c FROM google.aiplatform.nas_jobs WHERE displayName LIKE 'again-%'").out())
                .isEqualTo("c\n8\n");
    }
}
