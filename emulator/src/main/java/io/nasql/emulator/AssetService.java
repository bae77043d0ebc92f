package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.asset.v1.ResourceSearchResult;
import com.google.cloud.asset.v1.SearchAllResourcesRequest;
import com.google.cloud.asset.v1.SearchAllResourcesResponse;
import java.util.List;

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
    private final QuotaWindow quota;
    private final EmulatorClock clock;
    private final ProjectRegistry projects;
    private final ResourceHierarchy hierarchy;
    private final AssetIndex index;
    private final Faults faults;

    AssetService(EmulatorConfig config, DiscoveryConfig discovery, EmulatorClock clock, ProjectRegistry projects,
                 ResourceHierarchy hierarchy, JobRegistry registry) {
        this.discovery = discovery;
        this.quota = new QuotaWindow(config.quotaWindow(), discovery.assetQuotaPerWindow());
        this.clock = clock;
        this.projects = projects;
        this.hierarchy = hierarchy;
        this.index = new AssetIndex(registry, discovery.assetLag());
        this.faults = new Faults(config);
    }

    SearchAllResourcesResponse searchAllResources(SearchAllResourcesRequest request) throws InterruptedException {
        faults.apply();
        chargeQuota();
        String scope = request.getScope();
        if (scope.isEmpty()) {
            throw ServiceError.REQUIRED_FIELD.of("scope");
        }
        if (discovery.assetApiDisabled()) {
            String consumer = "100000000099";
            throw ServiceError.ASSET_API_DISABLED.withInfo("SERVICE_DISABLED", "googleapis.com",
                    java.util.Map.of("service", "cloudasset.googleapis.com", "consumer", "projects/" + consumer), consumer);
        }
        if (discovery.denyAssetSearch()) {
            throw ServiceError.ASSET_SEARCH_DENIED.of(scope);
        }
        String project = projectOf(scope);
        if (!request.getQuery().isEmpty()) {
            throw ServiceError.ASSET_QUERY_UNSUPPORTED.of(request.getQuery());
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
            String id = projects.resolve(scope.substring("projects/".length()));
            if (id == null) {
                throw ServiceError.ASSET_SEARCH_DENIED.of(scope);
            }
            return id;
        }
        if ((scope.startsWith("folders/") || scope.startsWith("organizations/")) && hierarchy.knows(scope)) {
            return null;
        }
        if (scope.matches("(folders|organizations)/\\d+")) {
            throw ServiceError.ASSET_SEARCH_DENIED.of(scope);
        }
        throw ServiceError.ASSET_SCOPE_INVALID.of(scope);
    }

    private void chargeQuota() {
        if (discovery.assetQuotaPerWindow() == 0) {
            return;
        }
        if (!quota.take(System.nanoTime())) {
            throw ServiceError.ASSET_QUOTA.of();
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
