package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.TestPostgres;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync worker killed (SIGKILL) mid-sync on a PostgreSQL inventory: what it committed stays, and its scopes are synced again. */
class KilledWorkerTest {
    private static final int PROJECTS = 12;

    @Test
    void aKilledWorkerLosesNothingCommittedAndItsScopesArePickedUpOnceItsLeaseExpires(@TempDir Path home) throws Exception {
        String db = TestPostgres.freshGoogle();
        List<String> ids = EmulatorConfig.numberedProjects(PROJECTS);
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(ids, List.of("us-central1"), 3, 5).withLatency(Duration.ofMillis(60)), EmulatorClock.system(0.001))) {
            List<String> args = List.of("--db", db, "--endpoint", emulator.endpoint(), "--plaintext", "--projects", String.join(",", ids),
                    "--locations", "us-central1");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main"));
            command.addAll(args);
            command.addAll(List.of("sync", "--concurrency", "1", "--lease", "3s"));
            Process worker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("worker.out").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count(db, "SELECT COUNT(*) FROM aiplatform.sync_scopes WHERE status = 'OK'") < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            worker.destroyForcibly();
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long committedScopes = count(db, "SELECT COUNT(*) FROM aiplatform.sync_scopes WHERE status = 'OK'");
            long committedJobs = count(db, "SELECT COUNT(*) FROM aiplatform.nas_job_summaries");
            assertThat(committedScopes).isBetween(3L, PROJECTS - 1L);
            assertThat(committedJobs).as("every committed scope keeps its three jobs").isEqualTo(committedScopes * 3);
            assertThat(count(db, "SELECT COUNT(*) FROM aiplatform.sync_runs")).as("the killed worker recorded no run").isZero();

            List<String> survivor = new ArrayList<>(args);
            survivor.addAll(List.of("sync", "--lease", "3s"));
            Thread.sleep(3500);
            Cli.Result second = Cli.run(home, "", survivor.toArray(String[]::new));
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out()).startsWith("synced " + PROJECTS + " scopes").contains(PROJECTS + " ok");
        }
        assertThat(count(db, "SELECT COUNT(*) FROM aiplatform.nas_job_summaries")).isEqualTo(PROJECTS * 3L);
        assertThat(count(db, "SELECT COUNT(*) FROM aiplatform.sync_leases")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM aiplatform.nas_job_events")).as("no job seen twice").isEqualTo(PROJECTS * 3L);
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
