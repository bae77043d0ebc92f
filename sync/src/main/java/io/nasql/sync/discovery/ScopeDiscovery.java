package io.nasql.sync.discovery;

import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeOrigins;
import io.nasql.db.ScopeOrigins.Found;
import io.nasql.db.ScopeOrigins.Origin;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CallRunner;
import io.nasql.sync.CancelToken;
import io.nasql.sync.ScopeOutcome;
import io.nasql.sync.ScopeResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which scopes a sync lists: the named projects' (NAMED), those Cloud Asset Inventory finds
 * holding NasJobs in each folder or organization (DISCOVERED), and, where the search is not
 * permitted, every project under the container with its locations (FALLBACK). Discovery only
 * proposes scopes: the Vertex AI API decides what each holds. A scope the inventory holds from an
 * earlier search that this search no longer returns is listed once more, so that the search's
 * lag never removes a live job's row.
 */
public final class ScopeDiscovery {
    /** GetProject calls in flight at once while turning the found project numbers into ids. */
    private static final int LOOKUPS_AT_ONCE = 16;

    private final AssetSearch search;
    private final ProjectIds projectIds;
    private final ProjectScopes projectScopes;
    private final ScopeOrigins origins;
    private final Consumer<String> notices;

    /** The scopes to sync, in order, and what could not be resolved (as outcomes of scope {@code name/*}). */
    public record Plan(List<Found> scopes, List<ScopeOutcome> failures) {
        public List<ScopeKey> keys() {
            return scopes.stream().map(Found::scope).toList();
        }
    }

    public ScopeDiscovery(DiscoveryClients clients, CallRunner runner, ProjectScopes projectScopes, ScopeOrigins origins,
                          Consumer<String> notices) {
        this(clients, runner, projectScopes, origins, notices, new CancelToken());
    }

    /** {@code cancel} is the statement's Ctrl-C: once cancelled, no further search or lookup starts. */
    public ScopeDiscovery(DiscoveryClients clients, CallRunner runner, ProjectScopes projectScopes, ScopeOrigins origins,
                          Consumer<String> notices, CancelToken cancel) {
        this.search = new AssetSearch(clients, runner, cancel);
        this.projectIds = new ProjectIds(clients, runner, cancel);
        this.projectScopes = projectScopes;
        this.origins = origins;
        this.notices = notices;
    }

    public Plan plan(List<String> named, List<String> locations, DiscoveryScope scope) throws InterruptedException {
        Map<ScopeKey, Found> scopes = new LinkedHashMap<>();
        List<ScopeOutcome> failures = new ArrayList<>();
        List<String> namedKept = named.stream().filter(p -> !scope.excludes(p)).toList();
        if (!namedKept.isEmpty()) {
            ScopeResolver.Resolution resolution = projectScopes.resolve(namedKept, locations);
            resolution.scopes().forEach(k -> scopes.put(k, new Found(k, Origin.NAMED, null)));
            failures.addAll(resolution.failures());
        }
        for (String container : scope.containers()) {
            try {
                discover(container, locations, scope, scopes, failures);
            } catch (ApiCallException e) {
                if (!e.code().equals("PERMISSION_DENIED")) {
                    failures.add(failure(container, e, "cannot search Cloud Asset Inventory in " + container));
                    // The scopes found before are still listed: their rows are refreshed, not left to age.
                    held(container, locations, scope, scopes);
                    continue;
                }
                notices.accept(("SERVICE_DISABLED".equals(e.reason())
                        ? "the Cloud Asset API is disabled in your quota project (enable it: gcloud services enable cloudasset.googleapis.com)"
                        : "no permission " + AssetSearch.PERMISSION + " on " + container)
                        + ": listing its projects through Resource Manager and their locations instead");
                fallback(container, locations, scope, scopes, failures);
            }
        }
        return new Plan(List.copyOf(scopes.values()), failures);
    }

    private void discover(String container, List<String> locations, DiscoveryScope scope, Map<ScopeKey, Found> scopes,
                          List<ScopeOutcome> failures) throws InterruptedException {
        Map<String, Set<String>> found = search.scopesWithJobs(container);
        Map<String, Object> ids = projectIds.idsOf(found.keySet(), LOOKUPS_AT_ONCE);
        for (Map.Entry<String, Set<String>> project : found.entrySet()) {
            if (ids.get(project.getKey()) instanceof ApiCallException e) {
                failures.add(failure("projects/" + project.getKey(), e, "cannot turn project number " + project.getKey() + " into its id"));
                continue;
            }
            String id = (String) ids.get(project.getKey());
            if (scope.excludes(id)) {
                continue;
            }
            for (String location : project.getValue()) {
                if (locations.isEmpty() || locations.contains(location)) {
                    ScopeKey key = new ScopeKey(id, location);
                    scopes.putIfAbsent(key, new Found(key, Origin.DISCOVERED, container));
                }
            }
        }
        held(container, locations, scope, scopes);
    }

    /** Held before, not returned now: the search may lag (or failed), so the Vertex AI API has the last word. */
    private void held(String container, List<String> locations, DiscoveryScope scope, Map<ScopeKey, Found> scopes) {
        for (ScopeKey held : origins.heldIn(container)) {
            if (!scope.excludes(held.projectsId()) && (locations.isEmpty() || locations.contains(held.locationsId()))) {
                scopes.putIfAbsent(held, new Found(held, Origin.DISCOVERED, container));
            }
        }
    }

    private void fallback(String container, List<String> locations, DiscoveryScope scope, Map<ScopeKey, Found> scopes,
                          List<ScopeOutcome> failures) throws InterruptedException {
        List<String> projects;
        try {
            projects = projectIds.projectsUnder(container).stream().filter(p -> !scope.excludes(p)).toList();
        } catch (ApiCallException e) {
            failures.add(failure(container, e, "cannot list the projects under " + container));
            return;
        }
        if (projects.isEmpty()) {
            return;
        }
        ScopeResolver.Resolution resolution = projectScopes.resolve(projects, locations);
        resolution.scopes().forEach(k -> scopes.putIfAbsent(k, new Found(k, Origin.FALLBACK, container)));
        failures.addAll(resolution.failures());
    }

    private static ScopeOutcome failure(String name, ApiCallException e, String what) {
        ScopeOutcome.Status status = e.code().equals("PERMISSION_DENIED") ? ScopeOutcome.Status.DENIED : ScopeOutcome.Status.FAILED;
        return new ScopeOutcome(new ScopeKey(name, "*"), status, null, what + ": " + e);
    }
}
