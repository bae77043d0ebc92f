package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.asset.v1.ResourceSearchResult;
import com.google.cloud.asset.v1.SearchAllResourcesRequest;
import com.google.cloud.asset.v1.SearchAllResourcesResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code google.cloud.asset.v1.AssetService.SearchAllResources} over the emulator's jobs: asset type
 * {@code aiplatform.googleapis.com/NasJob} in a project, folder or organization, lagging behind as
 * {@link AssetIndex} does, under the API's own quota and permission.
 */
final class AssetService {
    static final String NAS_JOB = "aiplatform.googleapis.com/NasJob";
    private static final int DEFAULT_PAGE_SIZE = 100;
    /** "Page size is capped at 500 even if a larger value is given" (asset_service.proto). */
    private static final int MAX_PAGE_SIZE = 500;

    private final DiscoveryConfig discovery;
    private final Duration quotaWindow;
    private final EmulatorClock clock;
    private final ProjectDirectory projects;
    private final ResourceHierarchy hierarchy;
    private final AssetIndex index;
    private final Faults faults;
    private final AtomicLong windowIndex = new AtomicLong(-1);
    private final AtomicLong windowUsed = new AtomicLong();

    AssetService(EmulatorConfig config, DiscoveryConfig discovery, EmulatorClock clock, ProjectDirectory projects,
                 ResourceHierarchy hierarchy, JobRegistry registry) {
        this.discovery = discovery;
        this.quotaWindow = config.quotaWindow();
        this.clock = clock;
        this.projects = projects;
        this.hierarchy = hierarchy;
        this.index = new AssetIndex(registry, discovery.assetLag());
        this.faults = new Faults(config.withDenyProjects(java.util.Set.of()).withQuota(0, config.quotaWindow()));
    }

    SearchAllResourcesResponse searchAllResources(SearchAllResourcesRequest request) throws InterruptedException {
        faults.apply(null, null);
        chargeQuota();
        String scope = request.getScope();
        if (scope.isEmpty()) {
            throw Errors.invalid("List of found errors:\t1.Field: scope; Message: Required field is not set.\t");
        }
        if (discovery.denyAssetSearch()) {
            throw Errors.denied("The caller does not have permission (cloudasset.assets.searchAllResources on " + scope + ")");
        }
        String project = projectOf(scope);
        if (!request.getQuery().isEmpty()) {
            throw Errors.invalid("query is not supported by the nasql emulator: '" + request.getQuery() + "'");
        }
        if (!request.getAssetTypesList().isEmpty() && !request.getAssetTypesList().contains(NAS_JOB)) {
            return SearchAllResourcesResponse.getDefaultInstance();
        }
        List<AssetIndex.Entry> found = index.visible(clock.now(), System.nanoTime()).stream()
                .filter(e -> project != null ? e.projectId().equals(project) : hierarchy.isUnder(e.projectId(), scope))
                .toList();
        String key = scope + "|" + String.join(",", request.getAssetTypesList());
        int from = OffsetToken.offset(request.getPageToken(), key);
        int size = OffsetToken.pageSize(request.getPageSize(), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        SearchAllResourcesResponse.Builder response = SearchAllResourcesResponse.newBuilder();
        for (int i = from; i < Math.min(found.size(), from + size); i++) {
            response.addResults(result(found.get(i)));
        }
        if (from + size < found.size()) {
            response.setNextPageToken(OffsetToken.of(key, from + size));
        }
        return response.build();
    }

    /** The project a {@code projects/...} scope names, null for a folder or organization; unknown ones are denied. */
    private String projectOf(String scope) {
        if (scope.startsWith("projects/")) {
            return projects.resolve(scope.substring("projects/".length()));
        }
        if ((scope.startsWith("folders/") || scope.startsWith("organizations/")) && hierarchy.knows(scope)) {
            return null;
        }
        if (scope.matches("(folders|organizations)/\\d+")) {
            throw Errors.denied("The caller does not have permission (cloudasset.assets.searchAllResources on " + scope + ")");
        }
        throw Errors.invalid("Invalid scope '" + scope + "': expected projects/{PROJECT_ID}, projects/{PROJECT_NUMBER},"
                + " folders/{FOLDER_NUMBER} or organizations/{ORGANIZATION_NUMBER}");
    }

    private void chargeQuota() {
        if (discovery.assetQuotaPerWindow() == 0) {
            return;
        }
        long window = System.nanoTime() / quotaWindow.toNanos();
        synchronized (windowUsed) {
            if (windowIndex.getAndSet(window) != window) {
                windowUsed.set(0);
            }
            if (windowUsed.incrementAndGet() > discovery.assetQuotaPerWindow()) {
                throw Errors.exhausted("Quota exceeded for quota metric 'Search requests' and limit 'Search requests per minute"
                        + " per project' of service 'cloudasset.googleapis.com'.");
            }
        }
    }

    private ResourceSearchResult result(AssetIndex.Entry entry) {
        NasJob job = entry.view();
        String number = projects.numberOf(entry.projectId());
        ResourceSearchResult.Builder result = ResourceSearchResult.newBuilder()
                .setName("//aiplatform.googleapis.com/" + job.getName())
                .setAssetType(NAS_JOB)
                .setProject("projects/" + number)
                .addAllFolders(hierarchy.foldersOf(entry.projectId()))
                .setDisplayName(job.getDisplayName())
                .setLocation(entry.location())
                .putAllLabels(job.getLabelsMap())
                .setCreateTime(job.getCreateTime())
                .setUpdateTime(job.getUpdateTime())
                .setState(job.getState().name())
                .setParentFullResourceName("//cloudresourcemanager.googleapis.com/projects/" + number)
                .setParentAssetType("cloudresourcemanager.googleapis.com/Project");
        if (hierarchy.parentOf(entry.projectId()) != null) {
            result.setOrganization(hierarchy.organization());
        }
        return result.build();
    }
}
