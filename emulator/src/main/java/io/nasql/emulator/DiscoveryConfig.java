package io.nasql.emulator;

import java.time.Duration;

/**
 * What the emulator's Cloud Asset Inventory and Resource Manager serve, beside the Vertex AI API.
 *
 * @param organizationId    the organization every seeded project sits under
 * @param folders           folders directly under it; the seeded projects are dealt among them
 *                          in turn (0: the projects sit directly under the organization)
 * @param assetLag          how far the asset search lags behind the jobs: a job created less than
 *                          this long ago is missing, a deleted one still found
 * @param assetQuotaPerWindow SearchAllResources calls per quota window, the API's own quota of
 *                          400 per minute per consumer project; 0 = none
 * @param denyAssetSearch   the caller lacks {@code cloudasset.assets.searchAllResources}
 * @param scopesWithJobs    only this many seeded scopes (spread evenly) hold jobs; 0 = all
 * @param assetApiDisabled  the Cloud Asset API is disabled in the caller's quota project: PERMISSION_DENIED with ErrorInfo SERVICE_DISABLED
 * @param folderDepth       levels of folders: each top folder holds a chain of {@code folderDepth - 1} folders, one in
 *                          another, and the projects sit in the deepest (1: directly in the top folders)
 */
public record DiscoveryConfig(String organizationId, int folders, Duration assetLag, int assetQuotaPerWindow,
                              boolean denyAssetSearch, int scopesWithJobs, boolean assetApiDisabled, int folderDepth) {

    public static final String DEFAULT_ORGANIZATION = "100000000001";
    public static final int ASSET_QUOTA_PER_MINUTE = 400;

    public DiscoveryConfig {
        if (!organizationId.chars().allMatch(Character::isDigit) || organizationId.isEmpty()) {
            throw new IllegalArgumentException("an organization id is a number, not '" + organizationId + "'");
        }
        if (folders < 0 || assetQuotaPerWindow < 0 || scopesWithJobs < 0 || assetLag.isNegative()) {
            throw new IllegalArgumentException("folders, quota, scopes with jobs and lag must not be negative");
        }
        if (folderDepth < 1) {
            throw new IllegalArgumentException("the folder depth is at least 1, not " + folderDepth);
        }
    }

    public static DiscoveryConfig defaults() {
        return new DiscoveryConfig(DEFAULT_ORGANIZATION, 0, Duration.ZERO, ASSET_QUOTA_PER_MINUTE, false, 0, false, 1);
    }

    public DiscoveryConfig withHierarchy(String organization, int folderCount) {
        return new DiscoveryConfig(organization, folderCount, assetLag, assetQuotaPerWindow, denyAssetSearch,
                scopesWithJobs, assetApiDisabled, folderDepth);
    }

    public DiscoveryConfig withAssetLag(Duration lag) {
        return new DiscoveryConfig(organizationId, folders, lag, assetQuotaPerWindow, denyAssetSearch, scopesWithJobs,
                assetApiDisabled, folderDepth);
    }

    public DiscoveryConfig withAssetQuota(int perWindow) {
        return new DiscoveryConfig(organizationId, folders, assetLag, perWindow, denyAssetSearch, scopesWithJobs,
                assetApiDisabled, folderDepth);
    }

    public DiscoveryConfig withDenyAssetSearch(boolean deny) {
        return new DiscoveryConfig(organizationId, folders, assetLag, assetQuotaPerWindow, deny, scopesWithJobs,
                assetApiDisabled, folderDepth);
    }

    public DiscoveryConfig withScopesWithJobs(int scopes) {
        return new DiscoveryConfig(organizationId, folders, assetLag, assetQuotaPerWindow, denyAssetSearch, scopes,
                assetApiDisabled, folderDepth);
    }

    public DiscoveryConfig withAssetApiDisabled(boolean disabled) {
        return new DiscoveryConfig(organizationId, folders, assetLag, assetQuotaPerWindow, denyAssetSearch, scopesWithJobs,
                disabled, folderDepth);
    }

    public DiscoveryConfig withFolderDepth(int depth) {
        return new DiscoveryConfig(organizationId, folders, assetLag, assetQuotaPerWindow, denyAssetSearch, scopesWithJobs,
                assetApiDisabled,
                depth);
    }
}
