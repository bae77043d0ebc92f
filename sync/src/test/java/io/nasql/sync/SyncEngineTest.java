package io.nasql.sync;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;
import static io.nasql.db.generated.Tables.NAS_TRIALS;
import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.Backend;
import io.nasql.db.ProtoJson;
import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.SampleJobs;
import io.nasql.db.generated.tables.records.NasJobsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSON;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Sync against the emulator, into H2 and into PostgreSQL alike. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class SyncEngineTest {
    @Parameter
    Backend backend;

    private static final List<String> LOCATIONS = EmulatorConfig.DEFAULT_LOCATIONS;

    private static EmulatorConfig seeded(int projects, int jobsPerScope) {
        return EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(projects), LOCATIONS, jobsPerScope, 11);
    }

    private static List<ScopeKey> scopes(int projects) {
        List<ScopeKey> scopes = new ArrayList<>();
        EmulatorConfig.numberedProjects(projects).forEach(p -> LOCATIONS.forEach(l -> scopes.add(new ScopeKey(p, l))));
        return scopes;
    }

    /** The inventory holds exactly the emulator's jobs, every field equal (times at the backend's precision). */
    static void assertMirrors(SyncFixture f) {
        List<NasJob> truth = f.emulator.jobs();
        Map<String, NasJobsRecord> rows = f.inventory.dsl().selectFrom(NAS_JOBS).fetch().stream()
                .collect(Collectors.toMap(NasJobsRecord::getName, Function.identity()));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(truth.stream().map(NasJob::getName).toList());
        int trials = 0;
        for (NasJob job : truth) {
            NasJobsRecord row = rows.get(job.getName());
            assertThat(row.getDisplayname()).isEqualTo(job.getDisplayName());
            assertThat(row.getState()).isEqualTo(job.getState().name());
            assertThat(row.getCreatetime()).isEqualTo(f.inventory.backend().stored(ProtoJson.time(job.getCreateTime())));
            assertThat(row.getStarttime()).isEqualTo(f.inventory.backend().stored(ProtoJson.time(job.getStartTime())));
            assertThat(row.getEndtime()).isEqualTo(f.inventory.backend().stored(ProtoJson.time(job.getEndTime())));
            assertThat(row.getUpdatetime()).isEqualTo(f.inventory.backend().stored(ProtoJson.time(job.getUpdateTime())));
            assertThat(json(row.getNasjobspec())).isEqualTo(tree(ProtoJson.print(job.getNasJobSpec())));
            assertThat(json(row.getNasjoboutput())).isEqualTo(job.hasNasJobOutput() ? tree(ProtoJson.print(job.getNasJobOutput())) : null);
            assertThat(json(row.getError())).isEqualTo(job.hasError() ? tree(ProtoJson.print(job.getError())) : null);
            assertThat(json(row.getLabels())).isEqualTo(MAPPER.valueToTree(job.getLabelsMap()));
            trials += job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsCount()
                    + job.getNasJobOutput().getMultiTrialJobOutput().getTrainTrialsCount();
        }
        assertThat(f.inventory.dsl().fetchCount(NAS_TRIALS)).isEqualTo(trials);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** JSON as a tree, since H2 normalises escapes such as Gson's \u003d. */
    private static JsonNode json(JSON value) {
        return value == null ? null : tree(value.data());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void aFirstSyncEqualsTheEmulatorsTruthFieldByField() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, seeded(2, 6)); SyncEngine engine = f.engine()) {
            SyncReport report = engine.sync(scopes(2));
            assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(4);
            assertThat(report.added()).isEqualTo(24);
            assertMirrors(f);
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES, SYNC_SCOPES.STATUS.eq("OK"))).isEqualTo(4);
            assertThat(f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne().getStatus()).isEqualTo("OK");
        }
    }

    @Test
    void aSecondSyncWithNothingChangedMakesNoGetNasJobCalls() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, seeded(2, 6)); SyncEngine engine = f.engine()) {
            engine.sync(scopes(2));
            assertThat(f.emulator.stats().calls("GetNasJob")).isEqualTo(24);
            f.emulator.stats().reset();
            SyncReport again = engine.sync(scopes(2));
            assertThat(f.emulator.stats().calls("GetNasJob")).isZero();
            assertThat(f.emulator.stats().calls("ListNasJobs")).isEqualTo(4);
            assertThat(again.added() + again.changed() + again.removed()).isZero();
            assertThat(again.apiCalls()).isEqualTo(4);
        }
    }

    @Test
    void createdChangedAndDeletedJobsAreMirroredWithTheirTransitions() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, EmulatorConfig.empty().withEmptyProjects(Set.of("team-a"))); SyncEngine engine = f.engine();
             JobServiceClient client = f.clients.forLocation("us-central1")) {
            String parent = "projects/team-a/locations/us-central1";
            NasJob first = client.createNasJob(parent, SampleJobs.minimal("first"));
            NasJob second = client.createNasJob(parent, SampleJobs.minimal("second"));
            List<ScopeKey> scope = List.of(new ScopeKey("team-a", "us-central1"));
            engine.sync(scope);
            assertMirrors(f);

            f.clock.advance(Duration.ofSeconds(40));
            client.cancelNasJob(second.getName());
            NasJob third = client.createNasJob(parent, SampleJobs.minimal("third"));
            engine.sync(scope);
            assertMirrors(f);

            f.clock.advance(Duration.ofMinutes(2));
            client.deleteNasJobAsync(first.getName()).get();
            SyncReport report = engine.sync(scope);
            assertMirrors(f);
            assertThat(report.removed()).isEqualTo(1);

            Map<String, List<String>> transitions = f.inventory.dsl().selectFrom(NAS_JOB_EVENTS).orderBy(NAS_JOB_EVENTS.EVENTID).fetch()
                    .stream().collect(Collectors.groupingBy(e -> e.getNasjobsid(), Collectors.mapping(e -> e.getFromstate() + ">" + e.getTostate(), Collectors.toList())));
            assertThat(transitions.get(id(first))).containsExactly("null>JOB_STATE_QUEUED", "JOB_STATE_QUEUED>JOB_STATE_RUNNING",
                    "JOB_STATE_RUNNING>DELETED");
            assertThat(transitions.get(id(second))).containsExactly("null>JOB_STATE_QUEUED", "JOB_STATE_QUEUED>JOB_STATE_CANCELLING",
                    "JOB_STATE_CANCELLING>JOB_STATE_CANCELLED");
            assertThat(transitions.get(id(third))).containsExactly("null>JOB_STATE_QUEUED", "JOB_STATE_QUEUED>JOB_STATE_SUCCEEDED");
        }
    }

    private static String id(NasJob job) {
        return job.getName().substring(job.getName().lastIndexOf('/') + 1);
    }

    @Test
    void anErrorRateOfThirtyPercentStillGivesAnExactMirror() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, seeded(3, 30).withErrorRate(0.3)); SyncEngine engine = f.engine()) {
            SyncReport report = engine.sync(scopes(3));
            assertThat(report.problems()).isEmpty();
            assertMirrors(f);
        }
    }

    @Test
    void aDeniedProjectKeepsItsOldRowsAndEveryOtherScopeIsOk() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, seeded(3, 4).withDenyProjects(Set.of("proj-002")))) {
            ScopeKey denied = new ScopeKey("proj-002", "us-central1");
            NasJob old = NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/77").setDisplayName("old")
                    .setState(JobState.JOB_STATE_RUNNING).build();
            f.store.replaceScope(denied, List.of(old), List.of(), "sync", OffsetDateTime.parse("2026-10-01T00:00:00Z"));
            var before = f.inventory.dsl().selectFrom(NAS_JOBS).where(NAS_JOBS.PROJECTSID.eq("proj-002")).fetch();
            try (SyncEngine engine = f.engine()) {
                SyncReport report = engine.sync(scopes(3));
                assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(4);
                assertThat(report.count(ScopeOutcome.Status.DENIED)).isEqualTo(2);
                assertThat(report.runStatus()).isEqualTo("PARTIAL");
            }
            assertThat(f.inventory.dsl().selectFrom(NAS_JOBS).where(NAS_JOBS.PROJECTSID.eq("proj-002")).fetch()).isEqualTo(before);
            var scopeRow = f.inventory.dsl().selectFrom(SYNC_SCOPES).where(SYNC_SCOPES.PROJECTSID.eq("proj-002"))
                    .and(SYNC_SCOPES.LOCATIONSID.eq("us-central1")).fetchOne();
            assertThat(scopeRow.getStatus()).isEqualTo("DENIED");
            assertThat(scopeRow.getErrormessage()).startsWith("PERMISSION_DENIED");
            assertThat(scopeRow.getLastsuccessat()).isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00Z"));
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.PROJECTSID.ne("proj-002"))).isEqualTo(16);
        }
    }

    @Test
    void aLocationDeniedByAnIamConditionLeavesTheProjectsOtherLocationsTried() throws Exception {
        // Serial, the denied location first: before the fix its denial marked the other location "not tried".
        SyncOptions serial = SyncOptions.defaults().withConcurrency(1);
        try (SyncFixture f = new SyncFixture(seeded(1, 2).withDenyProjects(Set.of("proj-001/" + LOCATIONS.get(0))), serial);
             SyncEngine engine = f.engine()) {
            SyncReport report = engine.sync(scopes(1));
            assertThat(report.count(ScopeOutcome.Status.DENIED)).isEqualTo(1);
            assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(1);
            assertThat(f.emulator.stats().calls("ListNasJobs")).isEqualTo(2);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.LOCATIONSID.eq(LOCATIONS.get(1)))).isEqualTo(2);
        }
    }

    @Test
    void quotaExhaustionSlowsTheSyncButItCompletesExact() throws Exception {
        // Backoff long enough to reach the next quota window, as the default (up to 20 s) does for the real one-minute window.
        SyncOptions fast = SyncOptions.defaults().withRate(6000, 60).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400));
        try (SyncFixture f = new SyncFixture(backend, seeded(1, 40).withQuota(10, Duration.ofMillis(200)), fast)) {
            CallRunner runner = new CallRunner(f.options);
            try (SyncEngine engine = new SyncEngine(f.store, f.clients, runner, f.options, java.time.Clock.systemUTC())) {
                SyncReport report = engine.sync(scopes(1));
                assertThat(report.problems()).isEmpty();
                assertThat(runner.retries()).isPositive();
            }
            assertMirrors(f);
        }
    }

    @Test
    void manyScopesIssueTheExpectedCallsWithinTheConcurrencyLimit() throws Exception {
        SyncOptions options = SyncOptions.defaults().withConcurrency(32);
        try (SyncFixture f = new SyncFixture(backend, seeded(100, 2).withLatency(Duration.ofMillis(20)), options);
             SyncEngine engine = f.engine()) {
            SyncReport report = engine.sync(scopes(100));
            assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(200);
            assertThat(f.emulator.stats().calls("ListNasJobs")).isEqualTo(200);
            assertThat(f.emulator.stats().calls("GetNasJob")).isEqualTo(400);
            assertThat(report.apiCalls()).isEqualTo(600);
            assertThat(f.emulator.stats().peakInFlight()).isLessThanOrEqualTo(32).isGreaterThan(1);
        }
    }

    @Test
    void anInterruptedSyncKeepsFinishedScopesAndLeavesTheRestUntouched() throws Exception {
        SyncOptions options = SyncOptions.defaults().withConcurrency(1);
        try (SyncFixture f = new SyncFixture(backend, seeded(10, 3).withLatency(Duration.ofMillis(30)), options);
             SyncEngine engine = f.engine()) {
            Thread stopper = new Thread(() -> {
                while (engine.progress().scopesDone() < 2) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                engine.interrupt();
            });
            stopper.start();
            SyncReport report = engine.sync(scopes(10));
            stopper.join();
            long ok = report.count(ScopeOutcome.Status.OK);
            assertThat(report.interrupted()).isTrue();
            assertThat(ok).isBetween(2L, 19L);
            assertThat(report.count(ScopeOutcome.Status.INTERRUPTED)).isEqualTo(20 - ok);
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES)).isEqualTo((int) ok);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo((int) ok * 3);
            assertThat(f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne().getStatus()).isEqualTo("INTERRUPTED");
        }
    }

    @Test
    void aProjectWhoseLocationsAreDeniedIsReportedAndTheOthersSync() throws Exception {
        try (SyncFixture f = new SyncFixture(backend, seeded(2, 3).withDenyProjects(Set.of("proj-002"))); SyncEngine engine = f.engine()) {
            ScopeResolver.Resolution resolution = f.resolver(new CallRunner(f.options))
                    .resolve(List.of("proj-001", "proj-002"), List.of());
            assertThat(resolution.scopes()).hasSizeGreaterThanOrEqualTo(40)
                    .contains(new ScopeKey("proj-001", "us-central1"), new ScopeKey("proj-001", "europe-west4"))
                    .allMatch(s -> s.projectsId().equals("proj-001"));
            assertThat(resolution.failures()).singleElement().satisfies(o -> {
                assertThat(o.scope()).isEqualTo(new ScopeKey("proj-002", "*"));
                assertThat(o.status()).isEqualTo(ScopeOutcome.Status.DENIED);
            });
            SyncReport report = engine.sync(resolution.scopes(), resolution.failures());
            assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(2);
            assertThat(report.problems()).hasSize(1);
            assertThat(f.inventory.dsl().selectFrom(SYNC_RUNS).fetchOne().getScopesdenied()).isEqualTo(1);
        }
    }

    @Test
    void runningJobsAreReadAgainAfterRunningRefreshWhateverTheirUpdateTime() throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(List.of("p"), List.of("us-central1"), 6, 5);
        try (SyncFixture f = new SyncFixture(backend, config)) {
            List<ScopeKey> scope = List.of(new ScopeKey("p", "us-central1"));
            long running = f.emulator.jobs().stream().filter(j -> j.getState().name().equals("JOB_STATE_RUNNING")).count();
            assertThat(running).isPositive();
            try (SyncEngine engine = f.engine()) {
                engine.sync(scope);
                f.emulator.stats().reset();
                engine.sync(scope);
                assertThat(f.emulator.stats().calls("GetNasJob")).as("within running_refresh: nothing read").isZero();
            }
            SyncOptions everyTime = f.options.withRunningRefresh(Duration.ZERO);
            try (SyncEngine eager = new SyncEngine(f.store, f.clients, new CallRunner(everyTime), everyTime, Clock.systemUTC())) {
                f.emulator.stats().reset();
                eager.sync(scope);
                assertThat(f.emulator.stats().calls("GetNasJob")).as("each RUNNING job read again").isEqualTo(running);
            }
        }
    }
}
