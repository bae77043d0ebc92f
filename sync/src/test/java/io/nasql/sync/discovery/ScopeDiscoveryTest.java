package io.nasql.sync.discovery;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeOrigins;
import io.nasql.db.ScopeOrigins.Origin;
import io.nasql.emulator.DiscoveryConfig;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.emulator.SampleJobs;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.CallRunner;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.JobServiceClients;
import io.nasql.sync.LocationDiscovery;
import io.nasql.sync.ScopeResolver;
import io.nasql.sync.SyncEngine;
import io.nasql.sync.SyncOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Discovery through the real Cloud Asset Inventory and Resource Manager clients, against the emulator over loopback. */
class ScopeDiscoveryTest {
    private static final List<String> LOCATIONS = List.of("us-central1", "europe-west4", "asia-east1");
    private static final List<String> PROJECTS = EmulatorConfig.numberedProjects(6);
    private static final String ORG_ID = DiscoveryConfig.DEFAULT_ORGANIZATION;
    private static final String ORG = "organizations/" + ORG_ID;
    private static final SyncOptions OPTIONS = SyncOptions.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(50));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final Map<String, String> idByNumber = new HashMap<>();
    private EmulatorServer emulator;
    private Inventory inventory;
    private JobServiceClients clients;
    private CallRunner runner;
    private DiscoveryClients discoveryClients;
    private final CancelToken cancel = new CancelToken();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ScopeDiscovery start(DiscoveryConfig discovery) throws Exception {
        return start(discovery, Duration.ofMinutes(1));
    }

    /** {@code quotaWindow}: the window of the emulator's quotas (a long one keeps a spent quota spent for the test). */
    private ScopeDiscovery start(DiscoveryConfig discovery, Duration quotaWindow) throws Exception {
        EmulatorConfig config = EmulatorConfig.empty().withSeedData(PROJECTS, LOCATIONS, 2, 5).withOperationDelay(Duration.ZERO)
                .withQuota(EmulatorConfig.CRUD_PER_MINUTE, quotaWindow);
        emulator = keep(EmulatorServer.start(config, clock, discovery));
        inventory = keep(Inventory.open("jdbc:h2:mem:" + UUID.randomUUID() + "/google"));
        clients = keep(new JobServiceClients(ApiTarget.emulator(emulator.endpoint()), Duration.ofSeconds(10)));
        runner = new CallRunner(OPTIONS);
        discoveryClients = keep(new DiscoveryClients(ApiTarget.emulator(emulator.endpoint()), NoCredentialsProvider.create(),
                Duration.ofSeconds(10)));
        // Project numbers to ids, from Resource Manager itself, before the calls are counted.
        ProjectsClient projects = discoveryClients.projects();
        PROJECTS.forEach(id -> idByNumber.put(projects.getProject("projects/" + id).getName().substring("projects/".length()), id));
        emulator.stats().reset();
        return new ScopeDiscovery(discoveryClients, runner, new ScopeResolver(new LocationDiscovery(clients, runner,
                new InventoryStore(inventory).memory(), Clock.systemUTC(), LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM, cancel))::resolve,
                new ScopeOrigins(inventory.dsl()), notices::add, cancel);
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private Set<ScopeKey> scopesHoldingJobs() {
        return emulator.jobs().stream().map(this::scopeOf).collect(Collectors.toSet());
    }

    private ScopeKey scopeOf(NasJob job) {
        String[] parts = job.getName().split("/");
        return new ScopeKey(idByNumber.get(parts[1]), parts[3]);
    }

    private static DiscoveryScope organization() {
        return new DiscoveryScope(List.of(ORG_ID), List.of(), List.of());
    }

    private void syncAndRecord(ScopeDiscovery.Plan plan) throws InterruptedException {
        try (SyncEngine engine = new SyncEngine(new InventoryStore(inventory), clients, runner, OPTIONS, Clock.systemUTC())) {
            engine.sync(plan.keys(), plan.failures());
        }
        new ScopeOrigins(inventory.dsl()).record(plan.scopes());
    }

    @Test
    void anOrganizationSearchNamesExactlyTheScopesHoldingJobsWithoutListingLocations() throws Exception {
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2).withScopesWithJobs(4));

        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of(), organization());

        Set<ScopeKey> truth = scopesHoldingJobs();
        assertThat(truth).hasSize(4);
        assertThat(plan.keys()).containsExactlyInAnyOrderElementsOf(truth);
        assertThat(plan.scopes()).allSatisfy(f -> {
            assertThat(f.origin()).isEqualTo(Origin.DISCOVERED);
            assertThat(f.foundIn()).isEqualTo(ORG);
        });
        assertThat(plan.failures()).isEmpty();
        assertThat(emulator.stats().calls("SearchAllResources")).isEqualTo(1);
        assertThat(emulator.stats().calls("GetProject")).isEqualTo(truth.stream().map(ScopeKey::projectsId).distinct().count());
        assertThat(emulator.stats().calls("ListLocations")).isZero();
        assertThat(notices).isEmpty();

        syncAndRecord(plan);
        assertThat(inventory.dsl().fetchCount(NAS_JOBS)).isEqualTo(emulator.jobs().size());
        assertThat(inventory.dsl().select(SYNC_SCOPES.DISCOVEREDBY, SYNC_SCOPES.DISCOVEREDIN).from(SYNC_SCOPES).fetchSet(r -> r.value1() + " " + r.value2()))
                .containsExactly("discovered " + ORG);
    }

    @Test
    void aFolderCoversItsOwnProjectsAndNamedOrExcludedProjectsCombineWithIt() throws Exception {
        // Every scope holds jobs; two folders deal the six projects alternately: folder 1 has proj-001, -003, -005.
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2));
        String folder = String.valueOf(Long.parseLong(ORG_ID) * 10 + 1);

        ScopeDiscovery.Plan plan = discovery.plan(List.of("proj-002"), List.of("us-central1"),
                new DiscoveryScope(List.of(), List.of(folder), List.of("proj-00[5]", "*-005", "proj-003")));

        assertThat(plan.keys()).containsExactly(new ScopeKey("proj-002", "us-central1"), new ScopeKey("proj-001", "us-central1"));
        assertThat(plan.scopes().get(0).origin()).isEqualTo(Origin.NAMED);
        assertThat(plan.scopes().get(1).origin()).isEqualTo(Origin.DISCOVERED);
        assertThat(plan.scopes().get(1).foundIn()).isEqualTo("folders/" + folder);
    }

    @Test
    void theFallbackWalksDownThroughFoldersInsideFolders() throws Exception {
        // Two top folders, each holding a folder that holds a folder; the six projects are dealt alternately, one level
        // higher each round: under the first top folder, proj-001 in the deepest folder, proj-003 in the middle one,
        // proj-005 in the top one itself. A walk that listed projects only in the deepest folders would miss two.
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2).withFolderDepth(3).withDenyAssetSearch(true));
        String top = String.valueOf(Long.parseLong(ORG_ID) * 10 + 1);

        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of("us-central1"), new DiscoveryScope(List.of(), List.of(top), List.of()));

        assertThat(plan.keys()).containsExactlyInAnyOrder(new ScopeKey("proj-001", "us-central1"), new ScopeKey("proj-003", "us-central1"),
                new ScopeKey("proj-005", "us-central1"));
        assertThat(plan.scopes()).allSatisfy(f -> assertThat(f.origin()).isEqualTo(Origin.FALLBACK));
        assertThat(emulator.stats().calls("ListFolders")).as("the top folder, the one inside it, and the deepest").isEqualTo(3);
    }

    @Test
    void theSearchOfATopFolderFindsTheJobsOfProjectsInItsNestedFolders() throws Exception {
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2).withFolderDepth(3));
        String top = String.valueOf(Long.parseLong(ORG_ID) * 10 + 1);
        String deepest = String.valueOf(Long.parseLong(ORG_ID) * 10 + 1 + 2 * 2);

        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of(), new DiscoveryScope(List.of(), List.of(top), List.of()));

        assertThat(plan.keys()).hasSize(3 * LOCATIONS.size()).allMatch(k -> Set.of("proj-001", "proj-003", "proj-005").contains(k.projectsId()));
        assertThat(plan.scopes()).allSatisfy(f -> assertThat(f.foundIn()).isEqualTo("folders/" + top));
        assertThat(emulator.stats().calls("ListLocations")).isZero();
        // A search of the deepest folder finds only the project that sits in it.
        assertThat(discovery.plan(List.of(), List.of(), new DiscoveryScope(List.of(), List.of(deepest), List.of())).keys())
                .hasSize(LOCATIONS.size()).allMatch(k -> k.projectsId().equals("proj-001"));
    }

    @Test
    void withoutThePermissionItSaysSoInOneLineAndFallsBackToResourceManagerAndListLocations() throws Exception {
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2).withScopesWithJobs(2).withDenyAssetSearch(true));

        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of(), new DiscoveryScope(List.of(ORG_ID), List.of(), List.of("proj-006")));

        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("cloudasset.assets.searchAllResources", ORG, "Resource Manager");
        // ListLocations answers every Vertex AI region, as the real service does; each is a scope to list once.
        long regions = plan.keys().stream().map(ScopeKey::locationsId).distinct().count();
        assertThat(regions).isGreaterThanOrEqualTo(30).isGreaterThanOrEqualTo(LOCATIONS.size());
        assertThat(plan.keys()).hasSize(5 * (int) regions);
        assertThat(plan.keys()).noneMatch(k -> k.projectsId().equals("proj-006"));
        assertThat(plan.scopes()).allSatisfy(f -> assertThat(f.origin()).isEqualTo(Origin.FALLBACK));
        assertThat(emulator.stats().calls("ListLocations")).isEqualTo(5);
        assertThat(emulator.stats().calls("ListFolders")).isEqualTo(3);
    }

    @Test
    void ctrlCDuringDiscoveryStopsItBeforeTheNextCall() throws Exception {
        start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 2).withDenyAssetSearch(true));
        // Ctrl-C as the search's denial is reported: the fallback through Resource Manager and ListLocations must not start.
        ScopeDiscovery cancelling = new ScopeDiscovery(discoveryClients, runner, new ScopeResolver(new LocationDiscovery(clients, runner,
                new InventoryStore(inventory).memory(), Clock.systemUTC(), LocationDiscovery.REMEMBER, LocationDiscovery.PARALLELISM, cancel))::resolve,
                new ScopeOrigins(inventory.dsl()), line -> cancel.cancel(), cancel);

        assertThatThrownBy(() -> cancelling.plan(List.of(), List.of(), organization())).isInstanceOf(CancelledException.class);
        assertThat(emulator.stats().calls("SearchAllResources")).isEqualTo(1);
        assertThat(emulator.stats().calls("ListProjects") + emulator.stats().calls("ListFolders")
                + emulator.stats().calls("ListLocations")).isZero();
    }

    @Test
    void projectNumberLookupsShareOneResourceManagerAllowance() throws Exception {
        start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 0));
        // 600 a minute, no burst beyond one: six lookups in parallel take at least five intervals of 100 ms
        // when they share the caller's allowance, as Resource Manager's quota does; none if each project had its own.
        ProjectIds ids = new ProjectIds(discoveryClients, new CallRunner(OPTIONS.withRate(600, 1)), cancel);
        long start = System.nanoTime();
        Map<String, Object> found = ids.idsOf(idByNumber.keySet(), 16);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(found).isEqualTo(new HashMap<String, Object>(idByNumber));
        assertThat(millis).isGreaterThanOrEqualTo(450);
    }

    @Test
    void aDisabledCloudAssetApiIsSaidAsSuchNotAsAMissingPermission() throws Exception {
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 0).withAssetApiDisabled(true));

        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of("us-central1"), organization());

        assertThat(notices).singleElement().asString().contains("Cloud Asset API is disabled", "cloudasset.googleapis.com")
                .doesNotContain("no permission");
        assertThat(plan.scopes()).isNotEmpty().allSatisfy(f -> assertThat(f.origin()).isEqualTo(Origin.FALLBACK));
    }

    @Test
    void whenTheSearchFailsTheScopesFoundBeforeAreStillListed() throws Exception {
        // One search an hour: the second plan's search is refused (RESOURCE_EXHAUSTED, retried, then given up).
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 0).withScopesWithJobs(2).withAssetQuota(1),
                Duration.ofHours(1));
        ScopeDiscovery.Plan first = discovery.plan(List.of(), List.of(), organization());
        assertThat(first.keys()).hasSize(2);
        syncAndRecord(first);

        ScopeDiscovery.Plan second = discovery.plan(List.of(), List.of(), organization());

        assertThat(second.failures()).singleElement().satisfies(o -> {
            assertThat(o.scope()).isEqualTo(new ScopeKey(ORG, "*"));
            assertThat(o.status()).isEqualTo(io.nasql.sync.ScopeOutcome.Status.FAILED);
        });
        assertThat(second.keys()).containsExactlyInAnyOrderElementsOf(first.keys());
        assertThat(notices).isEmpty();
    }

    @Test
    void aScopeTheSearchNoLongerReturnsIsListedOnceThroughVertexAiBeforeItsRowsGo() throws Exception {
        // The search lags ten minutes behind: a job created now is not in it yet.
        ScopeDiscovery discovery = start(DiscoveryConfig.defaults().withHierarchy(ORG_ID, 0).withScopesWithJobs(1)
                .withAssetLag(Duration.ofMinutes(10)));
        ScopeKey fresh = new ScopeKey("proj-004", "asia-east1");
        NasJob job = clients.forLocation(fresh.locationsId()).createNasJob("projects/proj-004/locations/asia-east1",
                SampleJobs.minimal("just-created"));
        assertThat(discovery.plan(List.of(), List.of(), organization()).keys()).doesNotContain(fresh);

        // The inventory holds that scope from an earlier search (here: recorded as found in the organization).
        ScopeDiscovery.Plan earlier = new ScopeDiscovery.Plan(List.of(new ScopeOrigins.Found(fresh, Origin.DISCOVERED, ORG)), List.of());
        syncAndRecord(earlier);
        assertThat(inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.NAME.eq(job.getName()))).isEqualTo(1);

        // The search still misses it, yet the scope is listed, and the live job keeps its row.
        ScopeDiscovery.Plan plan = discovery.plan(List.of(), List.of(), organization());
        assertThat(plan.keys()).contains(fresh);
        syncAndRecord(plan);
        assertThat(inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.NAME.eq(job.getName()))).isEqualTo(1);

        // Once the job has finished and is deleted, the next listing removes its row; the scope is then no longer held
        // (the lagging search may still return the deleted job for a while, which costs one empty listing each time).
        clock.advance(Duration.ofMinutes(3));
        clients.forLocation(fresh.locationsId()).deleteNasJobAsync(job.getName()).get();
        syncAndRecord(discovery.plan(List.of(), List.of(), organization()));
        assertThat(inventory.dsl().fetchCount(NAS_JOBS, NAS_JOBS.NAME.eq(job.getName()))).isZero();
        assertThat(new ScopeOrigins(inventory.dsl()).heldIn(ORG)).doesNotContain(fresh);
    }
}
