package io.nasql.sync;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scope's failure that is not the API's, and a scope named twice: neither ends the run (issue 15). */
class ScopeFailuresTest {
    private static final List<String> LOCATIONS = EmulatorConfig.DEFAULT_LOCATIONS;

    private static EmulatorConfig seeded(int projects, int jobsPerScope) {
        return EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(projects), LOCATIONS, jobsPerScope, 11);
    }

    private static List<ScopeKey> scopes(int projects) {
        List<ScopeKey> scopes = new ArrayList<>();
        EmulatorConfig.numberedProjects(projects).forEach(p -> LOCATIONS.forEach(l -> scopes.add(new ScopeKey(p, l))));
        return scopes;
    }

    @Test
    void aScopeNamedTwiceIsSyncedOnce() throws Exception {
        try (SyncFixture f = new SyncFixture(seeded(1, 5)); SyncEngine engine = f.engine()) {
            ScopeKey scope = new ScopeKey("proj-001", "us-central1");
            SyncReport report = engine.sync(List.of(scope, scope));
            assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(ScopeOutcome.Status.OK));
            assertThat(f.emulator.stats().calls("GetNasJob")).isEqualTo(5);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(5);
            var run = f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne();
            assertThat(run.getStatus()).isEqualTo("OK");
            assertThat(run.getScopesok()).isEqualTo(1);
        }
    }

    @Test
    void aStopInTheBackoffAfterAFailedListLeavesTheScopeAsItWasNotFailed() throws Exception {
        // Every call answers UNAVAILABLE and the retry waits 10 s: the stop comes once the first list was sent.
        SyncOptions options = SyncOptions.defaults().withConcurrency(1).withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(List.of("proj-001"), List.of("us-central1"), 2, 11)
                .withErrorRate(1.0), options)) {
            ScopeKey scope = new ScopeKey("proj-001", "us-central1");
            NasJob old = NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/77").setDisplayName("old")
                    .setState(JobState.JOB_STATE_RUNNING).build();
            f.store.replaceScope(scope, List.of(old), List.of(), "sync", OffsetDateTime.parse("2026-10-01T00:00:00Z"));
            var before = f.inventory.dsl().selectFrom(SYNC_SCOPES).fetch();
            SyncReport report;
            try (SyncEngine engine = f.engine()) {
                Thread stopper = new Thread(() -> {
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (f.emulator.stats().calls("ListNasJobs") < 1 && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                    engine.interrupt();
                });
                stopper.start();
                report = engine.sync(List.of(scope));
                stopper.join();
            }
            assertThat(report.interrupted()).isTrue();
            assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(ScopeOutcome.Status.INTERRUPTED));
            assertThat(f.emulator.stats().calls("ListNasJobs")).as("no retry after the stop").isEqualTo(1);
            assertThat(f.inventory.dsl().selectFrom(SYNC_SCOPES).fetch()).as("the scope's row as it was").isEqualTo(before);
            assertThat(f.inventory.dsl().selectFrom(NAS_JOBS).fetch(NAS_JOBS.DISPLAYNAME)).containsExactly("old");
        }
    }

    @Test
    void aScopeTheInventoryRefusesIsAFailedRowWithItsOldRowsAndTheRunIsRecorded() throws Exception {
        try (SyncFixture f = new SyncFixture(seeded(3, 4))) {
            ScopeKey refused = new ScopeKey(RefusingTrigger.REFUSED_PROJECT, "us-central1");
            OffsetDateTime earlier = OffsetDateTime.parse("2026-10-01T00:00:00Z");
            NasJob old = NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/77").setDisplayName("old")
                    .setState(JobState.JOB_STATE_RUNNING).build();
            f.store.replaceScope(refused, List.of(old), List.of(), "sync", earlier);
            var before = f.inventory.dsl().selectFrom(NAS_JOBS).where(NAS_JOBS.PROJECTSID.eq(RefusingTrigger.REFUSED_PROJECT)).fetch();
            f.inventory.dsl().execute("CREATE TRIGGER \"refuse\" BEFORE INSERT ON \"aiplatform\".\"nas_job_summaries\" FOR EACH ROW CALL '"
                    + RefusingTrigger.class.getName() + "'");

            SyncReport report;
            try (SyncEngine engine = f.engine()) {
                report = engine.sync(scopes(3));
            }

            assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(4);
            assertThat(report.count(ScopeOutcome.Status.FAILED)).isEqualTo(2);
            assertThat(f.inventory.dsl().selectFrom(NAS_JOBS).where(NAS_JOBS.PROJECTSID.eq(RefusingTrigger.REFUSED_PROJECT)).fetch())
                    .isEqualTo(before);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.PROJECTSID.ne(RefusingTrigger.REFUSED_PROJECT))).isEqualTo(16);
            var row = f.inventory.dsl().selectFrom(SYNC_SCOPES).where(SYNC_SCOPES.PROJECTSID.eq(refused.projectsId()))
                    .and(SYNC_SCOPES.LOCATIONSID.eq(refused.locationsId())).fetchOne();
            assertThat(row.getStatus()).isEqualTo("FAILED");
            assertThat(row.getLastsuccessat()).isEqualTo(earlier);
            // Longer than the column: cut to fit, and saying so, instead of failing the run.
            assertThat(row.getErrormessage()).contains("refused by the test's trigger").endsWith("characters, cut)")
                    .hasSizeLessThanOrEqualTo(SYNC_SCOPES.ERRORMESSAGE.getDataType().length());
            var run = f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne();
            assertThat(run.getStatus()).isEqualTo("PARTIAL");
            assertThat(run.getScopesok()).isEqualTo(4);
            assertThat(run.getScopesfailed()).isEqualTo(2);
        }
    }

    @Test
    void aScopeBiggerThanTheMemoryStageIsStagedOnDiskAndMirroredExactly() throws Exception {
        // Without the per-scope rate limit, which would hold 100 calls for seconds.
        SyncOptions unlimited = SyncOptions.defaults().withRate(60_000, 1000).withBackoff(Duration.ofMillis(2), Duration.ofMillis(50));
        EmulatorConfig oneBigScope = EmulatorConfig.empty().withSeedData(List.of("big"), List.of("us-central1"), 100, 11);
        try (SyncFixture f = new SyncFixture(oneBigScope, unlimited); SyncEngine engine = f.engine()) {
            long staged = f.emulator.jobs().stream().mapToLong(NasJob::getSerializedSize).sum();
            assertThat(staged).as("the scope's jobs pass what is kept in memory").isGreaterThan(SyncEngine.STAGING_MEMORY_BYTES);
            long start = System.nanoTime();
            SyncReport report = engine.sync(List.of(new ScopeKey("big", "us-central1")));
            System.out.printf("100 jobs, %d KB staged: synced in %d ms%n", staged / 1024, (System.nanoTime() - start) / 1_000_000);
            assertThat(report.problems()).isEmpty();
            assertThat(report.added()).isEqualTo(100);
            SyncEngineTest.assertMirrors(f);
        }
    }

    @Test
    void withoutCredentialsTheRunIsStillRecordedAndTheErrorSaysWhy() throws Exception {
        try (SyncFixture f = new SyncFixture(seeded(1, 2));
             JobServiceClients noKey = new JobServiceClients(new ApiTarget(f.emulator.endpoint(), false, Path.of("/nonexistent/key.json")),
                     Duration.ofSeconds(5));
             SyncEngine engine = new SyncEngine(f.store, noKey, new CallRunner(f.options), f.options, Clock.systemUTC())) {
            assertThatThrownBy(() -> engine.sync(scopes(1))).isInstanceOf(CredentialsException.class)
                    .hasMessageContaining("/nonexistent/key.json");
            assertThat(f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne().getStatus()).isEqualTo("INTERRUPTED");
        }
    }
}
