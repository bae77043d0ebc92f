package io.nasql.sync.discovery;

import com.google.cloud.asset.v1.ResourceSearchResult;
import com.google.cloud.asset.v1.SearchAllResourcesRequest;
import com.google.cloud.asset.v1.SearchAllResourcesResponse;
import io.nasql.db.ScopeKey;
import io.nasql.sync.CallRunner;
import io.nasql.sync.CancelToken;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One paged SearchAllResources over a folder or organization for asset type
 * {@code aiplatform.googleapis.com/NasJob}: the project numbers and locations that hold NasJobs.
 * Needs {@code cloudasset.assets.searchAllResources} on the folder or organization.
 */
final class AssetSearch {
    static final String NAS_JOB = "aiplatform.googleapis.com/NasJob";
    static final String PERMISSION = "cloudasset.assets.searchAllResources";
    /** The API's cap on a page. */
    private static final int PAGE_SIZE = 500;

    private final DiscoveryClients clients;
    private final CallRunner runner;
    private final CancelToken cancel;

    AssetSearch(DiscoveryClients clients, CallRunner runner, CancelToken cancel) {
        this.cancel = cancel;
        this.clients = clients;
        this.runner = runner;
    }

    /** Project number to the locations of its NasJobs, for every project under the container. */
    Map<String, Set<String>> scopesWithJobs(String container) throws InterruptedException {
        Map<String, Set<String>> found = new TreeMap<>();
        String token = "";
        do {
            SearchAllResourcesRequest request = SearchAllResourcesRequest.newBuilder()
                    .setScope(container).addAssetTypes(NAS_JOB).setPageSize(PAGE_SIZE).setPageToken(token)
                    .setReadMask(com.google.protobuf.FieldMask.newBuilder().addPaths("name").addPaths("project").addPaths("location"))
                    .build();
            SearchAllResourcesResponse page = runner.call(new ScopeKey(container, "cloudasset"),
                    () -> clients.assets().searchAllResourcesCallable().call(request), true, cancel);
            for (ResourceSearchResult result : page.getResultsList()) {
                String number = numberOf(result);
                if (number != null && !result.getLocation().isEmpty()) {
                    found.computeIfAbsent(number, n -> new TreeSet<>()).add(result.getLocation());
                }
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return found;
    }

    /** The project number of a result: its {@code project} field, or the number in its name. */
    private static String numberOf(ResourceSearchResult result) {
        if (result.getProject().startsWith("projects/")) {
            return result.getProject().substring("projects/".length());
        }
        int at = result.getName().indexOf("/projects/");
        if (at < 0) {
            return null;
        }
        String rest = result.getName().substring(at + "/projects/".length());
        return rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    }
}
