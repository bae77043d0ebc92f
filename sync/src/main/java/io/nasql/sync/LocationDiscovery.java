package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import io.nasql.db.ScopeKey;
import io.nasql.db.SyncMemory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The locations of each project, as ListLocations answers: every Vertex AI region, whether or
 * not NAS runs there. Asked for several projects at once (at most {@code parallelism}), and
 * remembered in the inventory for {@code remember} (a day by default), so that syncs within it
 * ask nothing. The regions where NAS turned out not to be offered (scopes marked UNSUPPORTED
 * since the list was discovered) are left out until the list expires and is asked for again.
 */
public final class LocationDiscovery {
    /** The location whose endpoint answers ListLocations for a project. */
    static final String DISCOVERY_LOCATION = "us-central1";
    public static final Duration REMEMBER = Duration.ofDays(1);
    public static final int PARALLELISM = 8;

    private final JobServiceClients clients;
    private final CallRunner runner;
    private final SyncMemory memory;
    private final Clock clock;
    private final Duration remember;
    private final int parallelism;
    private final CancelToken cancel;

    /** A project's locations to sync and those skipped as UNSUPPORTED; or why they could not be listed. */
    public record Found(List<String> locations, List<String> unsupported, ApiCallException failure) {
        static Found failed(ApiCallException failure) {
            return new Found(List.of(), List.of(), failure);
        }
    }

    public LocationDiscovery(JobServiceClients clients, CallRunner runner, SyncMemory memory, Clock clock,
                             Duration remember, int parallelism) {
        this(clients, runner, memory, clock, remember, parallelism, new CancelToken());
    }

    /** {@code cancel} is the statement's Ctrl-C: once cancelled, no further ListLocations starts. */
    public LocationDiscovery(JobServiceClients clients, CallRunner runner, SyncMemory memory, Clock clock,
                             Duration remember, int parallelism, CancelToken cancel) {
        this.cancel = cancel;
        this.clients = clients;
        this.runner = runner;
        this.memory = memory;
        this.clock = clock;
        this.remember = remember;
        this.parallelism = parallelism;
    }

    public LocationDiscovery(JobServiceClients clients, CallRunner runner, SyncMemory memory, Clock clock) {
        this(clients, runner, memory, clock, REMEMBER, PARALLELISM);
    }

    /** The locations of each project, in the order given. */
    public Map<String, Found> discover(List<String> projects) throws InterruptedException {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<String, Found> found = new LinkedHashMap<>();
        Map<String, Future<List<String>>> asking = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, projects.size())),
                Threads.daemon("nasql-discovery"));
        try {
            for (String project : projects) {
                Optional<SyncMemory.Locations> known = memory.locations(project, now.minus(remember));
                if (known.isPresent()) {
                    found.put(project, usable(project, known.get().locationIds(), known.get().discoveredAt()));
                } else {
                    found.put(project, null);
                    asking.put(project, pool.submit(() -> list(project)));
                }
            }
            for (Map.Entry<String, Future<List<String>>> ask : asking.entrySet()) {
                try {
                    List<String> locations = ask.getValue().get();
                    memory.rememberLocations(ask.getKey(), locations, now);
                    found.put(ask.getKey(), new Found(locations, List.of(), null));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancelledException cancelled) {
                        throw cancelled;
                    }
                    if (cancel.isCancelled()) {
                        // A failed try whose retry Ctrl-C cut short: the project was not answered, not refused.
                        throw new CancelledException();
                    }
                    found.put(ask.getKey(), Found.failed(e.getCause() instanceof ApiCallException api ? api
                            : new ApiCallException("UNKNOWN", String.valueOf(e.getCause()), e.getCause())));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return found;
    }

    private Found usable(String project, List<String> remembered, OffsetDateTime discoveredAt) {
        var unsupported = memory.unsupportedSince(project, discoveredAt);
        List<String> keep = new ArrayList<>();
        List<String> skip = new ArrayList<>();
        remembered.forEach(l -> (unsupported.contains(l) ? skip : keep).add(l));
        return new Found(keep, skip, null);
    }

    private List<String> list(String project) throws InterruptedException {
        JobServiceClient client = clients.forLocation(DISCOVERY_LOCATION);
        List<String> locations = new ArrayList<>();
        String token = "";
        do {
            ListLocationsRequest request = ListLocationsRequest.newBuilder().setName("projects/" + project).setPageToken(token).build();
            ListLocationsResponse page;
            try {
                page = runner.call(new ScopeKey(project, DISCOVERY_LOCATION), () -> client.listLocationsCallable().call(request), true, cancel);
            } catch (ApiCallException e) {
                throw new ApiCallException(e.code(), "cannot list the locations of project " + project + " (" + e.getMessage()
                        + "); pass --locations to name them", e, e.reason(), e.violations());
            }
            page.getLocationsList().stream().map(Location::getLocationId).forEach(locations::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return locations;
    }
}
