package io.nasql.sync.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.asset.v1.AssetServiceClient;
import com.google.cloud.asset.v1.ResourceSearchResult;
import com.google.cloud.asset.v1.SearchAllResourcesRequest;
import com.google.cloud.asset.v1.SearchAllResourcesResponse;
import com.google.cloud.resourcemanager.v3.Project;
import io.nasql.emulator.DiscoveryConfig;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.emulator.SampleJobs;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.JobServiceClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The emulator's Cloud Asset Inventory and Resource Manager, as the real clients see them over loopback. */
class EmulatedDiscoveryServicesTest {
    private static final String ORG = "organizations/" + DiscoveryConfig.DEFAULT_ORGANIZATION;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));

    private EmulatorServer start(DiscoveryConfig discovery) throws Exception {
        return EmulatorServer.start(EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(4),
                List.of("us-central1", "europe-west4"), 3, 7).withQuota(0, Duration.ofSeconds(5)), clock, discovery);
    }

    private static DiscoveryClients clients(EmulatorServer emulator) {
        return new DiscoveryClients(ApiTarget.emulator(emulator.endpoint()), NoCredentialsProvider.create(), Duration.ofSeconds(10));
    }

    private static SearchAllResourcesRequest.Builder search(String scope) {
        return SearchAllResourcesRequest.newBuilder().setScope(scope).addAssetTypes("aiplatform.googleapis.com/NasJob");
    }

    @Test
    void theSearchPagesThroughEveryJobOfTheOrganizationWithItsProjectNumberAndLocation() throws Exception {
        try (EmulatorServer emulator = start(DiscoveryConfig.defaults().withHierarchy(DiscoveryConfig.DEFAULT_ORGANIZATION, 2));
             DiscoveryClients clients = clients(emulator)) {
            AssetServiceClient assets = clients.assets();
            List<ResourceSearchResult> all = new ArrayList<>();
            assets.searchAllResources(search(ORG).setPageSize(5).build()).iterateAll().forEach(all::add);
            assertThat(all).hasSize(emulator.jobs().size());
            assertThat(all).extracting(ResourceSearchResult::getName)
                    .containsExactlyInAnyOrderElementsOf(emulator.jobs().stream().map(j -> "//aiplatform.googleapis.com/" + j.getName()).toList());
            ResourceSearchResult first = all.get(0);
            assertThat(first.getAssetType()).isEqualTo("aiplatform.googleapis.com/NasJob");
            assertThat(first.getName()).contains("/" + first.getProject() + "/locations/" + first.getLocation() + "/nasJobs/");
            assertThat(first.getOrganization()).isEqualTo(ORG);
            assertThat(first.getFoldersList()).hasSize(1);

            // A folder holds half of the projects; Resource Manager knows them and their numbers.
            String folder = first.getFolders(0);
            List<String> underFolder = StreamSupport.stream(clients.projects().listProjects(folder).iterateAll().spliterator(), false)
                    .map(Project::getName).toList();
            assertThat(underFolder).hasSize(2).contains(first.getProject());
            Project project = clients.projects().getProject(first.getProject());
            assertThat(project.getProjectId()).startsWith("proj-00");
            assertThat(clients.folders().listFolders(ORG).iterateAll()).hasSize(2);
            SearchAllResourcesResponse inFolder = assets.searchAllResourcesCallable().call(search(folder).setPageSize(500).build());
            assertThat(inFolder.getResultsList()).allMatch(r -> underFolder.contains(r.getProject()));
            assertThat(inFolder.getResultsCount()).isEqualTo(all.size() / 2);
        }
    }

    @Test
    void listsAreSortedByDisplayNameAndAnUnknownParentIsDeniedWithThePermissionOfTheMethod() throws Exception {
        // Seeded out of order, straight under the organization: ListProjects answers by display_name, ascending (projects.proto).
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withSeedData(List.of("proj-d", "proj-b", "proj-c", "proj-a"),
                List.of("us-central1"), 1, 7), clock, DiscoveryConfig.defaults().withHierarchy(DiscoveryConfig.DEFAULT_ORGANIZATION, 0));
             DiscoveryClients clients = clients(emulator)) {
            assertThat(clients.projects().listProjects(ORG).iterateAll()).extracting(Project::getDisplayName)
                    .containsExactly("proj-a", "proj-b", "proj-c", "proj-d");
        }
        try (EmulatorServer emulator = start(DiscoveryConfig.defaults().withHierarchy(DiscoveryConfig.DEFAULT_ORGANIZATION, 12));
             DiscoveryClients clients = clients(emulator)) {
            List<String> names = new ArrayList<>();
            clients.folders().listFolders(ORG).iterateAll().forEach(f -> names.add(f.getDisplayName()));
            assertThat(names).hasSize(12).isSorted();
            assertThatThrownBy(() -> clients.folders().listFolders("folders/999").iterateAll().iterator().next())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED))
                    .hasMessageContaining("Permission 'resourcemanager.folders.list' denied on resource '//cloudresourcemanager.googleapis.com/folders/999'");
            assertThatThrownBy(() -> clients.projects().listProjects("folders/999").iterateAll().iterator().next())
                    .hasMessageContaining("Permission 'resourcemanager.projects.list' denied");
        }
    }

    @Test
    void theSearchLagsBehindTheJobsByTheConfiguredLag() throws Exception {
        try (EmulatorServer emulator = start(DiscoveryConfig.defaults().withAssetLag(Duration.ofMinutes(5)));
             DiscoveryClients clients = clients(emulator);
             JobServiceClients vertex = new JobServiceClients(ApiTarget.emulator(emulator.endpoint()), Duration.ofSeconds(10))) {
            NasJob created = vertex.forLocation("us-central1").createNasJob("projects/proj-002/locations/us-central1", SampleJobs.minimal("new"));
            String asset = "//aiplatform.googleapis.com/" + created.getName();
            Instant cutoff = clock.now().minus(Duration.ofMinutes(5));
            List<String> olderThanTheLag = emulator.jobs().stream()
                    .filter(j -> !Instant.ofEpochSecond(j.getCreateTime().getSeconds()).isAfter(cutoff))
                    .map(j -> "//aiplatform.googleapis.com/" + j.getName()).toList();
            assertThat(names(clients)).doesNotContain(asset).containsExactlyInAnyOrderElementsOf(olderThanTheLag);
            clock.advance(Duration.ofMinutes(6));
            assertThat(names(clients)).contains(asset).hasSize(emulator.jobs().size());
        }
    }

    private static List<String> names(DiscoveryClients clients) {
        List<String> names = new ArrayList<>();
        clients.assets().searchAllResources(search(ORG).setPageSize(500).build()).iterateAll().forEach(r -> names.add(r.getName()));
        return names;
    }

    @Test
    void itEnforcesTheAssetQuotaAndThePermissionKnob() throws Exception {
        try (EmulatorServer emulator = start(DiscoveryConfig.defaults().withAssetQuota(2));
             DiscoveryClients clients = clients(emulator)) {
            clients.assets().searchAllResourcesCallable().call(search(ORG).build());
            clients.assets().searchAllResourcesCallable().call(search(ORG).build());
            assertThatThrownBy(() -> clients.assets().searchAllResourcesCallable().call(search(ORG).build()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.RESOURCE_EXHAUSTED);
                        assertThat(e.getMessage()).contains("cloudasset.googleapis.com");
                    });
        }
        try (EmulatorServer emulator = start(DiscoveryConfig.defaults().withDenyAssetSearch(true));
             DiscoveryClients clients = clients(emulator)) {
            assertThatThrownBy(() -> clients.assets().searchAllResourcesCallable().call(search(ORG).build()))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED));
            // An organization the emulator does not have is denied too, as the real service answers for one the caller cannot see.
            assertThatThrownBy(() -> clients.projects().listProjects("organizations/42").iterateAll().iterator().next())
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.getStatusCode().getCode()).isEqualTo(StatusCode.Code.PERMISSION_DENIED));
        }
    }
}
