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

    /** The example manifest's resource three times, {@code second} edited by {@code edit} (e.g. to something the service refuses). */
    private static String threeResources(java.util.function.UnaryOperator<String> edit) throws Exception {
        String one = java.nio.file.Files.readString(Path.of("..", "scripts", "examples", "create-job.manifest.yaml"));
        one = one.substring(one.indexOf("- name: spinenet_latency_search")).replace("{{ owner }}", "dana");
        return one.replace("spinenet_latency_search", "first").replace("spinenet-latency-search", "first")
                + edit.apply(one.replace("spinenet_latency_search", "second").replace("spinenet-latency-search", "second"))
                + one.replace("spinenet_latency_search", "third").replace("spinenet-latency-search", "third");
    }

    @Test
    void aManifestThatFailsAtResourceTwoReportsEveryResourceAndKeepsWhatItCreated() throws Exception {
        // The client checks a machine's shape only; which GPU a machine takes is the service's to say.
        Path manifest = home.resolve("three.yaml");
        java.nio.file.Files.writeString(manifest, threeResources(r -> r.replace("NVIDIA_TESLA_T4", "NVIDIA_TESLA_A100")));
        Cli.Result result = nasql("-o", "text", "--manifest", manifest.toString(), "--var", "projectsId=proj-001", "--var", "locationsId=us-central1");
        assertThat(result.code()).isEqualTo(1);
        List<String> rows = result.out().lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("proj-001\tus-central1\t").contains("\tfirst\tJOB_STATE_QUEUED\t").endsWith("\tcreated");
        assertThat(rows.get(1)).startsWith("proj-001\tus-central1\t\tsecond\t").contains("\tINVALID_ARGUMENT: ");
        assertThat(rows.get(2)).startsWith("proj-001\tus-central1\t\tthird\t").endsWith("\tnot attempted");
        assertThat(result.err()).isEqualTo("error: " + manifest + ":1: 1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory\n");
        assertThat(emulator.stats().calls("CreateNasJob")).isEqualTo(2);
        assertThat(nasql("-o", "text", "-e", "SELECT displayName FROM google.aiplatform.nas_jobs WHERE displayName IN ('first', 'second', 'third')").out())
                .isEqualTo("displayName\nfirst\n");
    }

    /**
     * An engine whose scope makes one API call a minute: the call after the first waits in the rate
     * limiter, so a Ctrl-C after the first call lands before the next one however slow the machine is.
     */
    private StatementEngine oneCallAMinute(Settings settings, Wiring[] opened) {
        SessionConfig config = new SessionConfig(db, home, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"), List.of("us-central1"),
                SyncOptions.defaults().withRate(1, 1), true);
        settings.set(Setting.OUTPUT, OutputFormat.TEXT);
        opened[0] = new Wiring(config, settings, Clock.systemUTC());
        return opened[0].engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE, Confirmer.NOBODY,
                () -> ReportCatalog.load(List.of()), Map.of()));
    }

    /** Cancels {@code cancel} once {@code method} has been called, a little later (its answer may or may not be in). */
    private void cancelAfterFirst(String method, CancelToken cancel, long laterMillis) {
        CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                while (emulator.stats().calls(method) < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(laterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancel.cancel();
        });
    }

    private List<String> finishedIds() {
        return emulator.jobs().stream().filter(j -> isFinished(j.getState())).map(WriteReportsTest::id).sorted().toList();
    }

    private static List<String> reportRows(StringWriter out) {
        return out.toString().lines().dropWhile(l -> !l.startsWith("projectsId\tlocationsId\tnasJobsId\toutcome")).skip(1).toList();
    }

    @Test
    void aCancelledBulkDeleteWithNowaitStopsBeforeTheNextCallAndNamesWhatWasNotAttempted() throws Exception {
        assertThat(nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'").code()).isZero();
        List<String> ids = finishedIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        Settings settings = new Settings();
        Wiring[] wiring = new Wiring[1];
        StatementEngine engine = oneCallAMinute(settings, wiring);
        try (Wiring opened = wiring[0]) {
            StringWriter out = new StringWriter();
            CancelToken cancel = new CancelToken();
            cancelAfterFirst("DeleteNasJob", cancel, 300);
            assertThatThrownBy(() -> engine.execute(new Statement("/*+ NOWAIT */ DELETE FROM google.aiplatform.nas_jobs WHERE nasJobsId IN ('"
                    + String.join("', '", ids) + "')", "t", 1, 1), new Execution(cancel, settings, out, false)))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 1 of " + ids.size() + " delete started, " + (ids.size() - 1) + " not attempted;"
                            + " the rows of the jobs not deleted are kept");
            assertThat(emulator.stats().calls("DeleteNasJob")).as("no call starts after the cancel").isEqualTo(1);
            List<String> rows = reportRows(out);
            assertThat(rows).hasSize(ids.size());
            assertThat(rows.get(0)).isEqualTo("proj-001\tus-central1\t" + ids.get(0) + "\tdelete started");
            assertThat(rows.subList(1, rows.size())).allMatch(r -> r.endsWith("\tnot attempted (cancelled)"));
        }
        assertThat(nasql("-o", "text", "-e", "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE nasJobsId IN ('"
                + String.join("', '", ids.subList(1, ids.size())) + "')").out()).as("the rows not deleted are kept")
                .isEqualTo("n\n" + (ids.size() - 1) + "\n");
    }

    @Test
    void aBulkDeleteCancelledWhileItWaitsSaysTheDeleteStartedAndSendsNoOther() throws Exception {
        assertThat(nasql("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'").code()).isZero();
        List<String> ids = finishedIds();
        Settings settings = new Settings();
        Wiring[] wiring = new Wiring[1];
        StatementEngine engine = oneCallAMinute(settings, wiring);
        try (Wiring opened = wiring[0]) {
            StringWriter out = new StringWriter();
            CancelToken cancel = new CancelToken();
            // By then the delete has answered and its first poll waits for the rate limiter.
            cancelAfterFirst("DeleteNasJob", cancel, 1000);
            assertThatThrownBy(() -> engine.execute(new Statement("DELETE FROM google.aiplatform.nas_jobs WHERE nasJobsId IN ('"
                    + String.join("', '", ids) + "')", "t", 1, 1), new Execution(cancel, settings, out, false)))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 0 of " + ids.size() + " deleted, 1 started but not awaited, " + (ids.size() - 1) + " not attempted;"
                            + " the rows of the jobs not deleted are kept");
            assertThat(emulator.stats().calls("DeleteNasJob")).isEqualTo(1);
            List<String> rows = reportRows(out);
            assertThat(rows).hasSize(ids.size());
            assertThat(rows.get(0)).startsWith("proj-001\tus-central1\t" + ids.get(0) + "\tdelete started; cancelled while waiting");
            assertThat(rows.subList(1, rows.size())).allMatch(r -> r.endsWith("\tnot attempted (cancelled)"));
        }
    }

    @Test
    void aCancelledManifestStopsBeforeTheNextCreateAndNamesWhatWasNotAttempted() throws Exception {
        Settings settings = new Settings();
        Wiring[] wiring = new Wiring[1];
        StatementEngine engine = oneCallAMinute(settings, wiring);
        try (Wiring opened = wiring[0]) {
            StringWriter out = new StringWriter();
            CancelToken cancel = new CancelToken();
            cancelAfterFirst("CreateNasJob", cancel, 300);
            com.fasterxml.jackson.databind.JsonNode manifest = Manifest.read(threeResources(r -> r), "m.yaml");
            assertThatThrownBy(() -> opened.manifests(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                    Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of())).run(manifest, "m.yaml", Map.of(), new Execution(cancel, settings, out, false)))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 1 of 3 created, 2 not attempted; the jobs created are in the inventory");
            assertThat(emulator.stats().calls("CreateNasJob")).as("no call starts after the cancel").isEqualTo(1);
            List<String> rows = out.toString().lines().skip(1).toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).contains("\tfirst\tJOB_STATE_QUEUED\t").endsWith("\tcreated");
            assertThat(rows.get(1)).contains("\tsecond\t").endsWith("\tnot attempted (cancelled)");
            assertThat(rows.get(2)).contains("\tthird\t").endsWith("\tnot attempted (cancelled)");
        }
        assertThat(nasql("-o", "text", "-e", "SELECT displayName FROM google.aiplatform.nas_jobs WHERE displayName IN ('first', 'second', 'third')").out())
                .isEqualTo("displayName\nfirst\n");
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
