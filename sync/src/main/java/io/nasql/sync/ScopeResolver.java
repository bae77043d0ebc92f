package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import io.nasql.db.ScopeKey;
import java.util.ArrayList;
import java.util.List;

/** Turns projects and locations into scopes; without locations, asks ListLocations per project. */
public final class ScopeResolver {
    /** The location whose endpoint answers ListLocations for a project. */
    static final String DISCOVERY_LOCATION = "us-central1";

    private final JobServiceClients clients;
    private final CallRunner runner;

    public ScopeResolver(JobServiceClients clients, CallRunner runner) {
        this.clients = clients;
        this.runner = runner;
    }

    /**
     * The scopes, in project then location order, and the projects whose locations could not be
     * listed: a denied project is reported (as scope {@code project/*}) and the others go on.
     */
    public record Resolution(List<ScopeKey> scopes, List<ScopeOutcome> failures) {
    }

    public Resolution resolve(List<String> projects, List<String> locations) throws InterruptedException {
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("no projects given: pass --projects a,b or set `projects:` in ~/.nasql/config.yaml");
        }
        List<ScopeKey> scopes = new ArrayList<>();
        List<ScopeOutcome> failures = new ArrayList<>();
        for (String project : projects) {
            try {
                for (String location : locations.isEmpty() ? locationsOf(project) : locations) {
                    scopes.add(new ScopeKey(project, location));
                }
            } catch (ApiCallException e) {
                ScopeOutcome.Status status = e.code().equals("PERMISSION_DENIED") ? ScopeOutcome.Status.DENIED : ScopeOutcome.Status.FAILED;
                failures.add(new ScopeOutcome(new ScopeKey(project, "*"), status, null, e.toString()));
            }
        }
        return new Resolution(scopes, failures);
    }

    private List<String> locationsOf(String project) throws InterruptedException {
        JobServiceClient client = clients.forLocation(DISCOVERY_LOCATION);
        List<String> locations = new ArrayList<>();
        String token = "";
        do {
            ListLocationsRequest request = ListLocationsRequest.newBuilder().setName("projects/" + project).setPageToken(token).build();
            ListLocationsResponse page;
            try {
                page = runner.call(new ScopeKey(project, DISCOVERY_LOCATION), () -> client.listLocationsCallable().call(request));
            } catch (ApiCallException e) {
                throw new ApiCallException(e.code(), "cannot list the locations of project " + project + " (" + e.getMessage()
                        + "); pass --locations to name them", e);
            }
            page.getLocationsList().stream().map(Location::getLocationId).forEach(locations::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return locations;
    }
}
