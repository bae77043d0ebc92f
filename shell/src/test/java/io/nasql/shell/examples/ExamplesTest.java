package io.nasql.shell.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every script in scripts/examples runs green, as the README shows it, against an emulator in process. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "scripts", "examples");
    private static final Set<String> COVERED = new HashSet<>();

    static EmulatorServer emulator;
    static String db;
    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        emulator = EmulatorServer.start(EmulatorConfig.empty().withSeedData(List.of("proj-001"), EmulatorConfig.DEFAULT_LOCATIONS, 12, 9)
                .withOperationDelay(Duration.ofMillis(200)), new ManualClock(Instant.now()));
        db = Cli.memoryDb();
        assertThat(nasql("-e", "SYNC WHERE projectsId = 'proj-001'").code()).isZero();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterAll
    static void everyExampleIsRunHere() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<String> scripts = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".vars.yaml")).toList();
            assertThat(COVERED).containsExactlyInAnyOrderElementsOf(scripts);
        }
    }

    private static Cli.Result nasql(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--endpoint", emulator.endpoint(), "--plaintext", "-o", "text"));
        all.addAll(List.of(args));
        return Cli.run(home, "", all.toArray(String[]::new));
    }

    private static Cli.Result example(String file, String... args) {
        COVERED.add(file);
        List<String> all = new ArrayList<>(List.of(args));
        all.add(file.endsWith(".iql") ? "-f" : "--manifest");
        all.add(EXAMPLES.resolve(file).toString());
        Cli.Result result = nasql(all.toArray(String[]::new));
        assertThat(result.code()).as(file + ": " + result.err()).isZero();
        return result;
    }

    private static String idOf(JobState state) {
        NasJob job = emulator.jobs().stream().filter(j -> j.getName().contains("/us-central1/") && j.getState() == state).findFirst().orElseThrow();
        return job.getName().substring(job.getName().lastIndexOf('/') + 1);
    }

    @Test
    void listJobs() {
        String out = example("list-jobs.iql", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1").out();
        assertThat(out).startsWith("name\tcreateTime\tdisplayName\t");
        assertThat(out.lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("projects/"));
    }

    @Test
    void createJob() {
        assertThat(example("create-job.iql", "--vars", EXAMPLES.resolve("create-job.vars.yaml").toString()).out())
                .contains("\tmnasnet-accuracy-search\tJOB_STATE_QUEUED\t");
    }

    @Test
    void createJobFromTheManifest() {
        assertThat(example("create-job.manifest.yaml", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1", "--var", "owner=emeka").out())
                .contains("\tspinenet-latency-search\tJOB_STATE_QUEUED\t");
    }

    @Test
    void deleteJob() {
        assertThat(example("delete-job.iql", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1",
                "--var", "nasJobsId=" + idOf(JobState.JOB_STATE_SUCCEEDED)).out()).endsWith("\tdeleted\n");
    }

    @Test
    void cancelJob() {
        assertThat(example("cancel-job.iql", "--var", "projectsId=proj-001", "--var", "locationsId=us-central1",
                "--var", "nasJobsId=" + idOf(JobState.JOB_STATE_RUNNING)).out()).contains("\tJOB_STATE_CANCELLING\t");
    }

    @Test
    void cleanupFailed() {
        long failed = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_FAILED).count();
        assertThat(failed).isPositive();
        Cli.Result result = example("cleanup-failed.iql", "--yes", "--var", "older_than_days=0");
        assertThat(result.out().lines().filter(l -> l.endsWith("\tdeleted")).count()).isEqualTo(failed);
        assertThat(emulator.jobs()).noneMatch(j -> j.getState() == JobState.JOB_STATE_FAILED);
    }

    /** The inventory's rows, each scope, id and state, as a SELECT reads them. */
    private static String inventory() {
        Cli.Result result = nasql("-e", "SELECT projectsId, locationsId, nasJobsId, state FROM google.aiplatform.nas_jobs"
                + " ORDER BY projectsId, locationsId, nasJobsId");
        assertThat(result.code()).as(result.err()).isZero();
        return result.out();
    }

    private static final String BAD_DAYS = "older_than_days=0 * INTERVAL '1' DAY OR TRUE --";

    private static String badDaysError(String script) {
        return "error: " + script + ":7:37: {{ older_than_days }} is not a number, boolean or null; put the placeholder in quotes to pass text\n";
    }

    @Test
    void sqlPassedWhereANumberGoesRunsNothing() {
        List<NasJob> before = emulator.jobs();
        String rows = inventory();
        String script = EXAMPLES.resolve("cleanup-failed.iql").toString();
        Cli.Result result = nasql("--yes", "-f", script, "--var", BAD_DAYS);
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).isEqualTo(badDaysError(script));
        assertThat(result.out()).isEmpty();
        assertThat(emulator.jobs()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(rows.lines().count()).as("a header and the synced jobs").isGreaterThan(1);
        assertThat(inventory()).isEqualTo(rows);
    }

    @Test
    void aBadPlaceholderInALaterScriptRunsNoEarlierOne() {
        List<NasJob> before = emulator.jobs();
        String rows = inventory();
        String script = EXAMPLES.resolve("cleanup-failed.iql").toString();
        String delete = "DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'"
                + " AND nasJobsId = '" + idOf(JobState.JOB_STATE_SUCCEEDED) + "'";
        Cli.Result afterAWrite = nasql("--yes", "-e", delete, "-f", script, "--var", BAD_DAYS);
        assertThat(afterAWrite.code()).isNotZero();
        assertThat(afterAWrite.err()).isEqualTo(badDaysError(script));
        assertThat(afterAWrite.out()).isEmpty();
        Cli.Result afterAManifest = nasql("--yes", "--manifest", EXAMPLES.resolve("create-job.manifest.yaml").toString(),
                "--var", "projectsId=proj-001", "--var", "locationsId=us-central1", "--var", "owner=dana", "-f", script, "--var", BAD_DAYS);
        assertThat(afterAManifest.code()).isNotZero();
        assertThat(afterAManifest.err()).isEqualTo(badDaysError(script));
        assertThat(afterAManifest.out()).isEmpty();
        assertThat(emulator.jobs()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(inventory()).isEqualTo(rows);
    }
}
