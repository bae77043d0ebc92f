package io.nasql.shell.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementException;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.CancelToken;
import io.nasql.sync.SyncOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every multi-target write reports every target, and Ctrl-C stops a write before its next API call (issue 12, items 4 and 5). */
class WriteReportsTest {
    private static final Path VARS = Path.of("..", "scripts", "examples", "create-job.vars.yaml");
    private static final String SPEC = "'{{ nasJobSpec }}'";

    @TempDir
    Path home;
    EmulatorServer emulator;
    String db;

    @BeforeEach
    void start() throws Exception {
        emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 12, 5)
                .withDenyProjects(Set.of("proj-denied"))
                .withLatency(Duration.ofMillis(150)), new ManualClock(Instant.now()));
        db = Cli.memoryDb();
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

    @Test
    void anInsertThatFailsAtRowTwoReportsEveryRowAndKeepsWhatItCreated() {
        Cli.Result result = nasql("-o", "text", "--vars", VARS.toString(), "-e", "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec)"
                + " VALUES ('proj-001', 'us-central1', 'first', " + SPEC + "), ('proj-denied', 'us-central1', 'second', " + SPEC + "),"
                + " ('proj-001', 'us-central1', 'third', " + SPEC + ")");
        assertThat(result.code()).isEqualTo(1);
        List<String> rows = result.out().lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("proj-001\tus-central1\t").contains("\tfirst\tJOB_STATE_QUEUED\t").endsWith("\tcreated");
        assertThat(rows.get(1)).startsWith("proj-denied\tus-central1\t\tsecond\t").contains("\tPERMISSION_DENIED: ");
        assertThat(rows.get(2)).startsWith("proj-001\tus-central1\t\tthird\t").endsWith("\tnot attempted");
        assertThat(result.err()).isEqualTo("error: -e:1: 1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory\n");
        assertThat(emulator.stats().calls("CreateNasJob")).isEqualTo(2);
        assertThat(nasql("-o", "text", "-e", "SELECT displayName FROM google.aiplatform.nas_jobs WHERE displayName IN ('first', 'third')").out())
                .isEqualTo("displayName\nfirst\n");
    }

    @Test
    void aBulkDeleteWithAFailedTargetReportsEachAndExitsOne() {
        NasJob done = job(JobState.JOB_STATE_SUCCEEDED);
        NasJob running = job(JobState.JOB_STATE_RUNNING);
        nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
        Cli.Result result = nasql("--yes", "-e", "/*+ NOWAIT */ DELETE FROM google.aiplatform.nas_jobs WHERE nasJobsId IN ('" + id(done) + "', '" + id(running) + "')");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("| " + id(done) + " | delete started ").contains("| FAILED_PRECONDITION: ")
                .contains("1 of 2 delete started, 1 failed");
        assertThat(result.err()).endsWith("error: -e:1: 1 of 2 delete started, 1 failed; the rows of the jobs not deleted are kept\n");
    }

    @Test
    void aCancelledBulkCancelStopsBeforeTheNextCallAndNamesWhatWasNotAttempted() throws Exception {
        List<String> ids = emulator.jobs().stream().filter(j -> !isFinished(j.getState())).map(WriteReportsTest::id).sorted().toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        SessionConfig config = new SessionConfig(db, home, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"), List.of("us-central1"),
                SyncOptions.defaults(), true);
        Settings settings = new Settings();
        settings.set(Setting.OUTPUT, OutputFormat.TEXT);
        try (Wiring wiring = new Wiring(config, settings, Clock.systemUTC())) {
            StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE, Confirmer.NOBODY,
                    () -> ReportCatalog.load(List.of()), Map.of()));
            StringWriter out = new StringWriter();
            engine.execute(new Statement("SYNC", "t", 1, 1), new Execution(new CancelToken(), settings, out, false));
            CancelToken cancel = new CancelToken();
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> engine.execute(new Statement(
                    "EXEC google.aiplatform.nas_jobs.cancel WHERE nasJobsId IN ('" + String.join("', '", ids) + "')", "t", 1, 1),
                    new Execution(cancel, settings, out, false)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (emulator.stats().calls("CancelNasJob") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            cancel.cancel();
            assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 1 of " + ids.size() + " cancelled, " + (ids.size() - 1) + " not attempted;"
                            + " the jobs not cancelled go on as they were");
            Thread.sleep(500);
            assertThat(emulator.stats().calls("CancelNasJob")).as("no call starts after the cancel, and none later").isEqualTo(1);
            List<String> rows = out.toString().lines().dropWhile(l -> !l.startsWith("projectsId\tlocationsId\tnasJobsId\tstate\toutcome"))
                    .skip(1).toList();
            assertThat(rows).hasSize(ids.size());
            // The cancel went through; Ctrl-C came before its state was read back, and no call starts after Ctrl-C.
            assertThat(rows.get(0)).startsWith("proj-001\tus-central1\t" + ids.get(0) + "\t").endsWith("\tcancelled (state not refreshed: cancelled)");
            assertThat(rows.subList(1, rows.size())).allMatch(r -> r.endsWith("\tnot attempted (cancelled)"));
        }
    }

    private NasJob job(JobState state) {
        return emulator.jobs().stream().filter(j -> j.getState() == state).findFirst().orElseThrow();
    }

    private static boolean isFinished(JobState state) {
        return state == JobState.JOB_STATE_SUCCEEDED || state == JobState.JOB_STATE_FAILED || state == JobState.JOB_STATE_CANCELLED;
    }

    private static String id(NasJob job) {
        return job.getName().substring(job.getName().lastIndexOf('/') + 1);
    }
}
