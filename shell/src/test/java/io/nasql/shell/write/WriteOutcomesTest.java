package io.nasql.shell.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Inventory;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a write reports when the API answered ambiguously, when the inventory fails midway, and
 * when Ctrl-C strikes during a create's backoff: a write that worked is never reported failed, and
 * a report names every target whatever stopped the write.
 */
class WriteOutcomesTest {
    private static final String SPEC = "'{\"multiTrialAlgorithmSpec\":{\"multiTrialAlgorithm\":\"REINFORCEMENT_LEARNING\","
            + "\"metric\":{\"metricId\":\"top1\",\"goal\":\"MAXIMIZE\"},\"searchTrialSpec\":{\"searchTrialJobSpec\":{\"workerPoolSpecs\":"
            + "[{\"machineSpec\":{\"machineType\":\"n1-standard-4\"},\"replicaCount\":\"1\",\"containerSpec\":{\"imageUri\":\"gcr.io/x/y\"}}]},"
            + "\"maxTrialCount\":4,\"maxParallelTrialCount\":2}}}'";

    @TempDir
    Path home;
    EmulatorServer emulator;
    ManualClock clock = new ManualClock(Instant.now());
    String db = Cli.memoryDb();
    Settings settings = new Settings();
    StringWriter out = new StringWriter();

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private Wiring wiring(EmulatorConfig config, SyncOptions options) throws Exception {
        emulator = EmulatorServer.start(config.withSeedData(List.of("proj-001"), List.of("us-central1"), 12, 5), clock);
        settings.set(Setting.OUTPUT, OutputFormat.TEXT);
        return new Wiring(new SessionConfig(db, home, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"), List.of("us-central1"),
                options, true), settings, Clock.systemUTC());
    }

    private StatementEngine engine(Wiring wiring) {
        return engine(wiring, ProgressSink.NONE);
    }

    private StatementEngine engine(Wiring wiring, ProgressSink progress) {
        return wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), progress, Confirmer.NOBODY,
                () -> ReportCatalog.load(List.of()), Map.of()));
    }

    private void run(StatementEngine engine, String sql, CancelToken cancel) {
        engine.execute(new Statement(sql, "t", 1, 1), new Execution(cancel, settings, out, false));
    }

    private String idOf(JobState state) {
        NasJob job = emulator.jobs().stream().filter(j -> j.getState() == state).findFirst().orElseThrow();
        return job.getName().substring(job.getName().lastIndexOf('/') + 1);
    }

    private static String cancelOf(String id) {
        return "EXEC google.aiplatform.nas_jobs.cancel @projectsId='proj-001', @locationsId='us-central1', @nasJobsId='" + id + "'";
    }

    /**
     * Runs {@code then} on another thread 300 ms after {@code when} holds (so the call that made it
     * hold has answered): an outage that ends between two tries, or a Ctrl-C during a backoff.
     */
    private static void once(BooleanSupplier when, Runnable then) {
        once(when, then, 300);
    }

    /** As above, {@code laterMillis} after {@code when} holds. */
    private static void once(BooleanSupplier when, Runnable then, long laterMillis) {
        CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            try {
                while (!when.getAsBoolean() && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                Thread.sleep(laterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            then.run();
        });
    }

    @Test
    void aCancelThatWorkedIsNotReportedFailedWhenItsStateCannotBeReadBack() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(10)))) {
            StatementEngine engine = engine(wiring);
            String running = idOf(JobState.JOB_STATE_RUNNING);
            emulator.setFailAfterCommitRate("GetNasJob", 1.0);
            run(engine, cancelOf(running), new CancelToken());
            assertThat(out.toString()).contains("\t" + running + "\t").contains("\tcancelled (state not refreshed: UNAVAILABLE)");
            emulator.setFailAfterCommitRate("GetNasJob", 0);
            assertThat(emulator.jobs().stream().filter(j -> j.getName().endsWith("/" + running)).findFirst().orElseThrow().getState())
                    .isEqualTo(JobState.JOB_STATE_CANCELLING);
        }
    }

    @Test
    void aRetriedCancelThatFindsTheJobCancelledAfterAnAmbiguousFailureIsDone() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults().withBackoff(Duration.ofMillis(1500), Duration.ofMillis(3000)))) {
            StatementEngine engine = engine(wiring);
            String running = idOf(JobState.JOB_STATE_RUNNING);
            // The first try cancels and answers UNAVAILABLE; before the retry the job reaches CANCELLED, so the retry is refused.
            emulator.setFailAfterCommitRate("CancelNasJob", 1.0);
            once(() -> emulator.stats().calls("CancelNasJob") >= 1, () -> {
                emulator.setFailAfterCommitRate("CancelNasJob", 0);
                clock.advance(Duration.ofHours(1));
            });
            run(engine, cancelOf(running), new CancelToken());
            assertThat(emulator.stats().calls("CancelNasJob")).isGreaterThanOrEqualTo(2);
            assertThat(out.toString()).contains("\t" + running + "\tJOB_STATE_CANCELLED\tcancelled\n");
        }
    }

    @Test
    void aFirstCancelRefusedAsFailedPreconditionStaysAFailure() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults())) {
            String succeeded = idOf(JobState.JOB_STATE_SUCCEEDED);
            assertThatThrownBy(() -> run(engine(wiring), cancelOf(succeeded), new CancelToken())).isInstanceOf(StatementException.class)
                    .hasMessageStartingWith("FAILED_PRECONDITION: ");
        }
    }

    @Test
    void aRetriedDeleteThatFindsTheJobGoneAfterAnAmbiguousFailureIsDone() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty().withOperationDelay(Duration.ofMillis(50)),
                SyncOptions.defaults().withBackoff(Duration.ofMillis(1500), Duration.ofMillis(3000)))) {
            StatementEngine engine = engine(wiring);
            run(engine, "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'", new CancelToken());
            String done = idOf(JobState.JOB_STATE_SUCCEEDED);
            run(engine, "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + done + "'", new CancelToken());
            assertThat(out.toString()).endsWith("n\n1\n");
            emulator.setFailAfterCommitRate("DeleteNasJob", 1.0);
            once(() -> emulator.stats().calls("DeleteNasJob") >= 1, () -> emulator.setFailAfterCommitRate("DeleteNasJob", 0));
            out.getBuffer().setLength(0);
            run(engine, "DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'"
                    + " AND nasJobsId = '" + done + "'", new CancelToken());
            assertThat(emulator.stats().calls("DeleteNasJob")).isGreaterThanOrEqualTo(2);
            assertThat(out.toString()).endsWith("\t" + done + "\tdeleted\n");
            out.getBuffer().setLength(0);
            run(engine, "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + done + "'", new CancelToken());
            assertThat(out.toString()).isEqualTo("n\n0\n");
        }
    }

    @Test
    void aDeletePastTheDeleteTimeoutTellsTheUserAndKeepsTheRow() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty().withOperationDelay(Duration.ofSeconds(30)),
                SyncOptions.defaults().withDeleteTimeout(Duration.ofMillis(400)))) {
            StatementEngine engine = engine(wiring);
            run(engine, "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'", new CancelToken());
            String done = idOf(JobState.JOB_STATE_SUCCEEDED);
            assertThatThrownBy(() -> run(engine, "DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001'"
                    + " AND locationsId = 'us-central1' AND nasJobsId = '" + done + "'", new CancelToken()))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("DEADLINE_EXCEEDED: the delete of proj-001/us-central1/" + done
                            + " did not finish in 400 ms; its row is kept until a sync sees it gone");
            assertThat(emulator.stats().calls("DeleteNasJob")).isEqualTo(1);
            out.getBuffer().setLength(0);
            run(engine, "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + done + "'", new CancelToken());
            assertThat(out.toString()).as("the row stays").isEqualTo("n\n1\n");
        }
    }

    @Test
    void aBulkDeletePacedByTheSubmissionQuotaSaysSoOnTheProgressLine() throws Exception {
        // One submission a minute after the burst of 5: the sixth delete waits a minute, whatever the machine's speed; Ctrl-C then.
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults().withSubmitRate(1))) {
            List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
            StatementEngine engine = engine(wiring, new ProgressSink() {
                @Override
                public void show(String line) {
                    shown.add(line);
                }

                @Override
                public void clear() {
                }
            });
            run(engine, "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'", new CancelToken());
            long finished = emulator.jobs().stream().filter(j -> j.getState() == JobState.JOB_STATE_SUCCEEDED
                    || j.getState() == JobState.JOB_STATE_FAILED || j.getState() == JobState.JOB_STATE_CANCELLED).count();
            assertThat(finished).as("more jobs than the burst of 5").isGreaterThan(5);
            String pacing = "pacing writes to proj-001/us-central1 under the submission quota (1 a minute): next in ";
            CancelToken cancel = new CancelToken();
            once(() -> shown.stream().anyMatch(l -> l.startsWith(pacing)), cancel::cancel, 0);
            out.getBuffer().setLength(0);
            assertThatThrownBy(() -> run(engine, "/*+ NOWAIT */ DELETE FROM google.aiplatform.nas_jobs WHERE state IN"
                    + " ('JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED')", cancel))
                    .isInstanceOf(StatementException.class).hasMessageStartingWith("cancelled: ");
            assertThat(emulator.stats().calls("DeleteNasJob")).as("the burst, then the wait").isEqualTo(5);
            assertThat(out.toString().lines().filter(l -> l.endsWith("\tdelete started"))).hasSize(5);
            assertThat(out.toString().lines().filter(l -> l.endsWith("\tnot attempted (cancelled)"))).hasSize((int) finished - 5);
            assertThat(shown).filteredOn(l -> l.startsWith(pacing)).isNotEmpty();
        }
    }

    @Test
    void ctrlCWhileASingleDeleteIsAwaitedSaysItGoesOnAndKeepsTheRow() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty().withOperationDelay(Duration.ofMinutes(5)), SyncOptions.defaults())) {
            StatementEngine engine = engine(wiring);
            run(engine, "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'", new CancelToken());
            String done = idOf(JobState.JOB_STATE_SUCCEEDED);
            CancelToken cancel = new CancelToken();
            // Once the delete has answered: Ctrl-C between polls of its operation.
            once(() -> emulator.stats().calls("GetOperation") >= 1, cancel::cancel);
            assertThatThrownBy(() -> run(engine, "DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001'"
                    + " AND locationsId = 'us-central1' AND nasJobsId = '" + done + "'", cancel))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled while waiting: the delete of proj-001/us-central1/" + done
                            + " goes on at the API, and its row stays until a sync sees it gone");
            assertThat(emulator.stats().calls("DeleteNasJob")).isEqualTo(1);
            out.getBuffer().setLength(0);
            run(engine, "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE nasJobsId = '" + done + "'", new CancelToken());
            assertThat(out.toString()).as("the row stays").isEqualTo("n\n1\n");
        }
    }

    @Test
    void anInventoryFailureMidwayStillReportsEveryRow() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults());
             Inventory inventory = Inventory.open(db);
             var jdbc = inventory.connection().createStatement()) {
            StatementEngine engine = engine(wiring);
            // The API creates 'second', then the inventory refuses its row.
            jdbc.execute("ALTER TABLE google.aiplatform.nas_job_summaries ADD CONSTRAINT no_second CHECK (\"displayName\" <> 'second')");
            assertThatThrownBy(() -> run(engine, "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec) VALUES"
                    + " ('proj-001', 'us-central1', 'first', " + SPEC + "), ('proj-001', 'us-central1', 'second', " + SPEC + "),"
                    + " ('proj-001', 'us-central1', 'third', " + SPEC + ")", new CancelToken()))
                    .isInstanceOf(StatementException.class).hasMessage("1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory");
            List<String> rows = out.toString().lines().skip(1).toList();
            assertThat(rows.get(0)).contains("\tfirst\t").endsWith("\tcreated");
            assertThat(rows.get(1)).contains("\tsecond\t").contains("\terror: ");
            assertThat(rows.get(2)).contains("\tthird\t").endsWith("\tnot attempted");
            assertThat(emulator.stats().calls("CreateNasJob")).isEqualTo(2);
        }
    }

    @Test
    void aCreateCancelledDuringItsBackoffSaysCancelledAndNamesTheRest() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty().withQuota(1, Duration.ofMinutes(10)),
                SyncOptions.defaults().withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60)))) {
            StatementEngine engine = engine(wiring);
            CancelToken cancel = new CancelToken();
            once(() -> emulator.stats().calls("CreateNasJob") >= 2, cancel::cancel);
            assertThatThrownBy(() -> run(engine, "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec) VALUES"
                    + " ('proj-001', 'us-central1', 'first', " + SPEC + "), ('proj-001', 'us-central1', 'second', " + SPEC + "),"
                    + " ('proj-001', 'us-central1', 'third', " + SPEC + ")", cancel))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory");
            List<String> rows = out.toString().lines().skip(1).toList();
            assertThat(rows.get(1)).contains("\tsecond\t").contains("RESOURCE_EXHAUSTED: ").contains("not retried: cancelled");
            assertThat(rows.get(2)).contains("\tthird\t").endsWith("\tnot attempted (cancelled)");
        }
    }

    @Test
    void aCreateCancelledWhileInFlightThatAnswersUnavailableIsReportedAsMaybeCreatedNeverAsNotAttempted() throws Exception {
        // Each create waits 5 s at the service, acts, then answers UNAVAILABLE; Ctrl-C comes while the first one waits
        // (5 s, not 1 s, so that a loaded machine still cancels in time: the cancel needs only its thread to run once).
        try (Wiring wiring = wiring(EmulatorConfig.empty().withLatency(Duration.ofSeconds(5)), SyncOptions.defaults())) {
            StatementEngine engine = engine(wiring);
            emulator.setFailAfterCommitRate(1.0);
            CancelToken cancel = new CancelToken();
            once(() -> emulator.stats().calls("CreateNasJob") >= 1, cancel::cancel, 0);
            assertThatThrownBy(() -> run(engine, "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec) VALUES"
                    + " ('proj-001', 'us-central1', 'first', " + SPEC + "), ('proj-001', 'us-central1', 'second', " + SPEC + "),"
                    + " ('proj-001', 'us-central1', 'third', " + SPEC + ")", cancel))
                    .isInstanceOf(StatementException.class)
                    .hasMessage("cancelled: 0 of 3 created, 1 failed, 2 not attempted; the jobs created are in the inventory");
            List<String> rows = out.toString().lines().skip(1).toList();
            assertThat(rows.get(0)).contains("\tfirst\t").contains("\tUNAVAILABLE: ").contains("the job may have been created")
                    .contains("SYNC the scope");
            assertThat(rows.get(1)).contains("\tsecond\t").endsWith("\tnot attempted (cancelled)");
            assertThat(rows.get(2)).contains("\tthird\t").endsWith("\tnot attempted (cancelled)");
            assertThat(emulator.stats().calls("CreateNasJob")).isEqualTo(1);
            assertThat(emulator.stats().calls("ListNasJobs")).as("no lookup starts after Ctrl-C").isZero();
            assertThat(emulator.jobs().stream().filter(j -> j.getDisplayName().equals("first"))).as("the job was created").hasSize(1);
        }
    }

    @Test
    void anEmptyWhereIsAnErrorNotEveryJob() throws Exception {
        try (Wiring wiring = wiring(EmulatorConfig.empty(), SyncOptions.defaults())) {
            StatementEngine engine = engine(wiring);
            run(engine, "SYNC", new CancelToken());
            for (String sql : List.of("EXEC google.aiplatform.nas_jobs.cancel WHERE", "EXEC google.aiplatform.nas_jobs.cancel WHERE -- all?",
                    "DELETE FROM google.aiplatform.nas_jobs WHERE /* all? */")) {
                assertThatThrownBy(() -> run(engine, sql, new CancelToken())).as(sql).isInstanceOf(StatementException.class)
                        .hasMessageStartingWith("WHERE needs a condition");
            }
            assertThat(emulator.stats().calls("CancelNasJob") + emulator.stats().calls("DeleteNasJob")).isZero();
        }
    }
}
