package io.nasql.sync;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;
import static io.nasql.db.generated.Tables.NAS_TRIALS;
import static io.nasql.db.generated.Tables.SYNC_LEASES;
import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeLeases;
import io.nasql.db.TestPostgres;
import io.nasql.emulator.EmulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;
import org.junit.jupiter.api.Test;

/** Several sync workers on one PostgreSQL inventory, as several machines or cron entries would run them. */
class ShardedSyncTest {
    private static final List<String> LOCATIONS = EmulatorConfig.DEFAULT_LOCATIONS;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static EmulatorConfig seeded(int projects, int jobsPerScope) {
        return EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(projects), LOCATIONS, jobsPerScope, 7)
                .withLatency(Duration.ofMillis(3));
    }

    private static List<ScopeKey> scopes(int projects) {
        List<ScopeKey> scopes = new ArrayList<>();
        EmulatorConfig.numberedProjects(projects).forEach(p -> LOCATIONS.forEach(l -> scopes.add(new ScopeKey(p, l))));
        return scopes;
    }

    @Test
    void shardedAndOverlappingWorkersInParallelGiveExactlyTheSingleWorkersInventory() throws Exception {
        List<ScopeKey> all = scopes(8);
        try (SyncFixture f = new SyncFixture(Backend.POSTGRESQL, seeded(8, 6));
             Inventory single = Inventory.open("jdbc:h2:mem:single-" + System.nanoTime() + "/google")) {
            try (SyncEngine engine = new SyncEngine(new InventoryStore(single), f.clients, new CallRunner(f.options), f.options,
                    Clock.systemUTC())) {
                engine.sync(all);
            }
            // Shard 1/2, shard 2/2, and a third worker over every scope, all at once, each with its own connections.
            List<SyncWorker> workers = List.of(SyncWorker.local(new Shard(1, 2), Duration.ofMinutes(1)),
                    SyncWorker.local(new Shard(2, 2), Duration.ofMinutes(1)), SyncWorker.local(Shard.ALL, Duration.ofMinutes(1)));
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            List<Future<SyncReport>> reports = new ArrayList<>();
            for (SyncWorker worker : workers) {
                reports.add(pool.submit(() -> {
                    try (Inventory own = Inventory.open(TestPostgres.url("google"), null, Map.of());
                         SyncEngine engine = new SyncEngine(new InventoryStore(own), worker, f.clients, new CallRunner(f.options),
                                 f.options, Clock.systemUTC())) {
                        return engine.sync(all.stream().filter(worker.shard()::contains).toList());
                    }
                }));
            }
            List<SyncReport> done = new ArrayList<>();
            for (Future<SyncReport> report : reports) {
                done.add(report.get());
            }
            pool.shutdown();
            assertThat(done).allSatisfy(r -> assertThat(r.problems()).isEmpty());
            assertThat(snapshot(f.inventory.dsl())).isEqualTo(snapshot(single.dsl()));
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(8 * 2 * 6);
            var runs = f.inventory.dsl().selectFrom(SYNC_RUNS).fetch();
            assertThat(runs).extracting(r -> r.get(SYNC_RUNS.WORKER))
                    .containsExactlyInAnyOrderElementsOf(workers.stream().map(SyncWorker::id).toList());
            assertThat(runs).extracting(r -> r.get(SYNC_RUNS.SHARD)).containsExactlyInAnyOrder("1/2", "2/2", null);
            assertThat(f.inventory.dsl().fetchCount(SYNC_LEASES)).as("every lease given back").isZero();
        }
    }

    @Test
    void aCrashedWorkersScopesAreHeldUntilItsLeasesExpireOnTheDatabasesClockThenSyncedByAnother() throws Exception {
        List<ScopeKey> all = scopes(3);
        try (SyncFixture f = new SyncFixture(Backend.POSTGRESQL, seeded(3, 4))) {
            // A worker took two scopes with 10-minute leases, then died: nothing renews them.
            ScopeLeases crashed = f.store.leases("crashed-worker", Duration.ofMinutes(10));
            assertThat(crashed.acquire(all.get(0))).isTrue();
            assertThat(crashed.acquire(all.get(1))).isTrue();
            SyncWorker survivor = SyncWorker.local(Shard.ALL, Duration.ofSeconds(30));
            try (SyncEngine engine = new SyncEngine(f.store, survivor, f.clients, new CallRunner(f.options), f.options, Clock.systemUTC())) {
                SyncReport first = engine.sync(all);
                assertThat(first.count(ScopeOutcome.Status.HELD)).isEqualTo(2);
                assertThat(first.count(ScopeOutcome.Status.OK)).isEqualTo(all.size() - 2);
                assertThat(first.problems()).isEmpty();
            }
            // A survivor whose clock runs eleven minutes ahead still finds them held: leases expire by the database's clock.
            Clock elevenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11));
            try (SyncEngine engine = new SyncEngine(f.store, survivor, f.clients, new CallRunner(f.options), f.options, elevenMinutesAhead)) {
                assertThat(engine.sync(all).count(ScopeOutcome.Status.HELD)).isEqualTo(2);
            }
            // Eleven minutes on by the database's clock, the dead worker's leases have expired: the next run takes them.
            f.inventory.dsl().update(SYNC_LEASES).set(SYNC_LEASES.EXPIRESAT, SYNC_LEASES.EXPIRESAT.minus(DayToSecond.valueOf(Duration.ofMinutes(11))))
                    .execute();
            try (SyncEngine engine = new SyncEngine(f.store, survivor, f.clients, new CallRunner(f.options), f.options, Clock.systemUTC())) {
                SyncReport third = engine.sync(all);
                assertThat(third.count(ScopeOutcome.Status.OK)).isEqualTo(all.size());
            }
            assertThat(f.inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(3 * 2 * 4);
            assertThat(f.inventory.dsl().fetchCount(NAS_JOB_EVENTS)).as("each job seen once").isEqualTo(3 * 2 * 4);
            assertThat(f.inventory.dsl().select(SYNC_RUNS.SCOPESHELD).from(SYNC_RUNS).orderBy(SYNC_RUNS.RUNID).fetch(SYNC_RUNS.SCOPESHELD))
                    .containsExactly(2, 2, 0);
        }
    }

    @Test
    void aProjectWideFailureIsRecordedByTheOneWorkerWhoseShardHoldsIt() throws Exception {
        try (SyncFixture f = new SyncFixture(Backend.POSTGRESQL, seeded(2, 2).withDenyProjects(java.util.Set.of("proj-002")))) {
            ScopeResolver.Resolution resolution = f.resolver(new CallRunner(f.options)).resolve(List.of("proj-001", "proj-002"), List.of());
            ScopeKey projectWide = new ScopeKey("proj-002", "*");
            assertThat(resolution.failures()).extracting(ScopeOutcome::scope).containsExactly(projectWide);
            // Every worker lists the projects' locations, so each one learns of the denial; only the shard holding proj-002/* records it.
            List<SyncReport> reports = new ArrayList<>();
            for (Shard shard : List.of(new Shard(1, 2), new Shard(2, 2))) {
                SyncWorker worker = SyncWorker.local(shard, Duration.ofMinutes(1));
                try (SyncEngine engine = new SyncEngine(f.store, worker, f.clients, new CallRunner(f.options), f.options, Clock.systemUTC())) {
                    reports.add(engine.sync(resolution.scopes().stream().filter(shard::contains).toList(), resolution.failures()));
                }
            }
            assertThat(reports).filteredOn(r -> !r.problems().isEmpty()).singleElement()
                    .satisfies(r -> assertThat(r.problems()).extracting(ScopeOutcome::scope).containsExactly(projectWide));
            assertThat(f.inventory.dsl().select(DSL.sum(SYNC_RUNS.SCOPESDENIED)).from(SYNC_RUNS).fetchOne(0, Integer.class))
                    .as("counted once across the workers' runs").isEqualTo(1);
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES, SYNC_SCOPES.LOCATIONSID.eq("*"))).isEqualTo(1);
        }
    }

    /** What a sync leaves, without the times of the sync itself: jobs, trials, events and scopes, in a fixed order. */
    private static List<Object> snapshot(DSLContext db) {
        List<Object> rows = new ArrayList<>();
        db.selectFrom(NAS_JOBS).orderBy(NAS_JOBS.PROJECTSID, NAS_JOBS.LOCATIONSID, NAS_JOBS.NASJOBSID).fetch().forEach(r -> {
            List<Object> row = new ArrayList<>();
            for (var field : NAS_JOBS.fields()) {
                if (field != NAS_JOBS.SYNCEDAT) {
                    row.add(comparable(r.get(field)));
                }
            }
            rows.add(row);
        });
        db.select(NAS_TRIALS.NASJOBSID, NAS_TRIALS.TRIALTYPE, NAS_TRIALS.TRIALID, NAS_TRIALS.STATE, NAS_TRIALS.METRICVALUE,
                        NAS_TRIALS.BEST, NAS_TRIALS.STARTTIME)
                .from(NAS_TRIALS).orderBy(NAS_TRIALS.NASJOBSID, NAS_TRIALS.TRIALTYPE, NAS_TRIALS.TRIALID).fetch()
                .forEach(r -> rows.add(List.of(r.value1(), r.value2(), r.value3(), String.valueOf(r.value4()), String.valueOf(r.value5()),
                        r.value6(), String.valueOf(comparable(r.value7())))));
        db.select(NAS_JOB_EVENTS.NASJOBSID, NAS_JOB_EVENTS.FROMSTATE, NAS_JOB_EVENTS.TOSTATE, NAS_JOB_EVENTS.SOURCE)
                .from(NAS_JOB_EVENTS).orderBy(NAS_JOB_EVENTS.NASJOBSID, NAS_JOB_EVENTS.TOSTATE).fetch()
                .forEach(r -> rows.add(r.intoList()));
        db.select(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID, SYNC_SCOPES.STATUS, SYNC_SCOPES.JOBCOUNT)
                .from(SYNC_SCOPES).orderBy(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID).fetch()
                .forEach(r -> rows.add(r.intoList()));
        return rows;
    }

    /** JSON as a tree (jsonb spaces it differently), times at PostgreSQL's microseconds. */
    private static Object comparable(Object value) {
        if (value instanceof JSON json) {
            try {
                return MAPPER.readTree(json.data());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return Backend.POSTGRESQL.stored(time).toInstant();
        }
        return value;
    }
}
