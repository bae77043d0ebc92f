package io.nasql.sync;

import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Locations found with ListLocations, remembered for a day; regions without NAS recorded UNSUPPORTED and skipped. */
class LocationDiscoveryTest {
    private static final List<String> PROJECTS = EmulatorConfig.numberedProjects(3);

    private static LocationDiscovery discovery(SyncFixture f, CallRunner runner, Clock clock) {
        return new LocationDiscovery(f.clients, runner, f.store.memory(), clock, LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Test
    void aCancelledStatementStartsNoListLocations() throws Exception {
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(PROJECTS, EmulatorConfig.DEFAULT_LOCATIONS, 1, 3))) {
            CancelToken cancel = new CancelToken();
            cancel.cancel();
            LocationDiscovery discovery = new LocationDiscovery(f.clients, new CallRunner(f.options), f.store.memory(), Clock.systemUTC(),
                    LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM, cancel);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> discovery.discover(PROJECTS)).isInstanceOf(CancelledException.class);
            assertThat(f.emulator.stats().calls("ListLocations")).isZero();
        }
    }

    @Test
    void aProjectWhoseLocationsResolveLosesItsOldFailureRow() throws Exception {
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(List.of("open"), List.of("us-central1"), 1, 3))) {
            // An earlier run could not list the project's locations (it was denied then).
            f.store.markScopeFailed(new ScopeKey("open", "*"), io.nasql.db.ScopeStatus.DENIED, "PERMISSION_DENIED: earlier",
                    java.time.OffsetDateTime.parse("2026-11-01T00:00:00Z"));
            ScopeResolver.Resolution resolution = f.resolver(new CallRunner(f.options)).resolve(List.of("open"), List.of());
            assertThat(resolution.failures()).isEmpty();
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES, SYNC_SCOPES.LOCATIONSID.eq("*"))).isZero();
        }
    }

    @Test
    void threeProjectsTimesFortyRegionsAreDiscoveredOnceAndUnsupportedRegionsAreSkippedUntilTheListExpires() throws Exception {
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(PROJECTS, EmulatorConfig.DEFAULT_LOCATIONS, 2, 3));
             SyncEngine engine = f.engine()) {
            CallRunner runner = new CallRunner(f.options);
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            ScopeResolver.Resolution first = new ScopeResolver(discovery(f, runner, Clock.systemUTC())).resolve(PROJECTS, List.of());
            long discoveryMillis = (System.nanoTime() - start) / 1_000_000;
            long discoveryCpu = (processCpuNanos() - cpuBefore) / 1_000_000;
            SyncReport firstSync = engine.sync(first.scopes(), first.failures());
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            int regions = first.scopes().size() / PROJECTS.size();
            assertThat(regions).isGreaterThanOrEqualTo(40);
            assertThat(f.emulator.stats().calls("ListLocations")).isEqualTo(3);
            assertThat(firstSync.count(ScopeOutcome.Status.OK)).isEqualTo(6);
            assertThat(firstSync.count(ScopeOutcome.Status.UNSUPPORTED)).isEqualTo(3L * (regions - 2));
            assertThat(firstSync.problems()).as("a region without NAS is not a failure").isEmpty();
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES, SYNC_SCOPES.STATUS.eq("UNSUPPORTED"))).isEqualTo(3 * (regions - 2));

            f.emulator.stats().reset();
            start = System.nanoTime();
            ScopeResolver.Resolution again = new ScopeResolver(discovery(f, runner, Clock.systemUTC())).resolve(PROJECTS, List.of());
            SyncReport secondSync = engine.sync(again.scopes(), again.failures());
            long secondMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(f.emulator.stats().calls("ListLocations")).as("remembered for a day").isZero();
            assertThat(again.scopes()).hasSize(6).contains(new ScopeKey("proj-002", "europe-west4"));
            assertThat(f.emulator.stats().calls("ListNasJobs")).as("no call to a region without NAS").isEqualTo(6);
            assertThat(secondSync.count(ScopeOutcome.Status.UNSUPPORTED)).isEqualTo(3L * (regions - 2));
            System.out.printf("discovery of %d projects x %d regions: %d ms (%d ms CPU); with the first sync of every scope: %d ms;"
                            + " again with the remembered list: %d ms; process CPU in all %d ms (emulator included; wall times"
                            + " are noisy on a loaded machine)%n", PROJECTS.size(), regions, discoveryMillis, discoveryCpu, firstMillis,
                    secondMillis, (processCpuNanos() - cpuBefore) / 1_000_000);

            f.emulator.stats().reset();
            Clock dayLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
            ScopeResolver.Resolution expired = new ScopeResolver(discovery(f, runner, dayLater)).resolve(PROJECTS, List.of());
            assertThat(f.emulator.stats().calls("ListLocations")).isEqualTo(3);
            assertThat(expired.scopes()).hasSize(3 * regions);
            assertThat(expired.failures()).isEmpty();
        }
    }

    @Test
    void deniedAndDisabledProjectsAreRecordedApartWithTheServicesMessageAndWhatToDo() throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(List.of("open"), List.of("us-central1"), 1, 3)
                .withDisabledApi(Set.of("off"));
        try (SyncFixture f = new SyncFixture(config); SyncEngine engine = f.engine()) {
            ScopeResolver.Resolution resolution = f.resolver(new CallRunner(f.options)).resolve(List.of("open", "nobody", "off"), List.of());
            assertThat(resolution.failures()).extracting(ScopeOutcome::scope, ScopeOutcome::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(new ScopeKey("nobody", "*"), ScopeOutcome.Status.DENIED),
                    org.assertj.core.groups.Tuple.tuple(new ScopeKey("off", "*"), ScopeOutcome.Status.DISABLED));
            // ListLocations was refused: the advice names its permission, as the service's ErrorInfo does.
            assertThat(resolution.failures().get(0).message()).contains("Permission 'aiplatform.locations.list' denied")
                    .contains("that you have aiplatform.locations.list on it").doesNotContain("nasJobs");
            SyncReport named = engine.sync(List.of(new ScopeKey("open", "us-central1"), new ScopeKey("nobody", "us-central1"),
                    new ScopeKey("off", "us-central1")));
            assertThat(named.problems()).hasSize(2);
            var rows = f.inventory.dsl().selectFrom(SYNC_SCOPES).where(SYNC_SCOPES.LOCATIONSID.eq("us-central1"))
                    .orderBy(SYNC_SCOPES.PROJECTSID).fetch();
            assertThat(rows).extracting(r -> r.getProjectsid() + "=" + r.getStatus()).containsExactly("nobody=DENIED", "off=DISABLED", "open=OK");
            assertThat(rows.get(0).getErrormessage())
                    .contains("Permission 'aiplatform.nasJobs.list' denied on resource '//aiplatform.googleapis.com/projects/nobody/locations/us-central1'")
                    .contains("Check that project nobody exists and that you have aiplatform.nasJobs.list on it");
            assertThat(rows.get(1).getErrormessage()).contains("Vertex AI API has not been used")
                    .contains("gcloud services enable aiplatform.googleapis.com --project off");
        }
    }

    @Test
    void listLocationsIsAskedForAtMostEightProjectsAtOnce() throws Exception {
        List<String> projects = EmulatorConfig.numberedProjects(24);
        EmulatorConfig config = EmulatorConfig.empty().withEmptyProjects(Set.copyOf(projects)).withLatency(Duration.ofMillis(300));
        try (SyncFixture f = new SyncFixture(config)) {
            var found = discovery(f, new CallRunner(f.options), Clock.systemUTC()).discover(projects);
            assertThat(found.values()).allMatch(p -> p.failure() == null && p.locations().size() >= 40);
            assertThat(f.emulator.stats().calls("ListLocations")).isEqualTo(24);
            // At most the bound, and more than one: the projects are asked in parallel (each call takes 300 ms).
            assertThat(f.emulator.stats().peakInFlight()).isBetween(2, LocationDiscovery.PARALLELISM);
        }
    }

    @Test
    void aSyncThatSkipsUnsupportedRegionsMakesClientsOnlyForTheRegionsItCalls() throws Exception {
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(PROJECTS, EmulatorConfig.DEFAULT_LOCATIONS, 2, 3));
             SyncEngine engine = f.engine()) {
            ScopeResolver.Resolution first = f.resolver(new CallRunner(f.options)).resolve(PROJECTS, List.of());
            engine.sync(first.scopes(), first.failures());
            // A later process: each region at an endpoint of its own, as on the real API. The two regions with NAS reach the
            // emulator by two names; any other region's endpoint does not exist, so a call there would fail the sync.
            String port = f.emulator.endpoint().substring(f.emulator.endpoint().lastIndexOf(':') + 1);
            try (JobServiceClients perRegion = new JobServiceClients(ApiTarget.emulator(f.emulator.endpoint()), Duration.ofSeconds(10),
                    location -> switch (location) {
                        case "us-central1" -> "127.0.0.1:" + port;
                        case "europe-west4" -> "localhost:" + port;
                        default -> location + ".invalid:443";
                    });
                 SyncEngine later = new SyncEngine(f.store, perRegion, new CallRunner(f.options), f.options, Clock.systemUTC())) {
                LocationDiscovery remembered = new LocationDiscovery(perRegion, new CallRunner(f.options), f.store.memory(),
                        Clock.systemUTC(), LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM);
                ScopeResolver.Resolution again = new ScopeResolver(remembered).resolve(PROJECTS, List.of());
                assertThat(perRegion.created()).as("the remembered list needs no client").isZero();
                SyncReport report = later.sync(again.scopes(), again.failures());
                assertThat(report.problems()).isEmpty();
                assertThat(report.count(ScopeOutcome.Status.OK)).isEqualTo(6);
                assertThat(perRegion.created()).as("one client per region called, none for the regions skipped").isEqualTo(2);
            }
        }
    }
}
