package io.nasql.sync;

import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns projects and locations into scopes; without locations, asks {@link LocationDiscovery}. */
public final class ScopeResolver {
    private final LocationDiscovery discovery;

    public ScopeResolver(LocationDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * The scopes, in project then location order, and what is already known without syncing: the
     * projects whose locations could not be listed (as scope {@code project/*}: DENIED, DISABLED or
     * FAILED, with what to do), and the scopes skipped as UNSUPPORTED.
     */
    public record Resolution(List<ScopeKey> scopes, List<ScopeOutcome> failures) {
    }

    public Resolution resolve(List<String> projects, List<String> locations) throws InterruptedException {
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("no projects given: pass --projects a,b or set `projects:` in ~/.nasql/config.yaml");
        }
        List<ScopeKey> scopes = new ArrayList<>();
        List<ScopeOutcome> failures = new ArrayList<>();
        if (!locations.isEmpty()) {
            projects.forEach(p -> locations.forEach(l -> scopes.add(new ScopeKey(p, l))));
            return new Resolution(scopes, failures);
        }
        for (Map.Entry<String, LocationDiscovery.Found> entry : discovery.discover(projects).entrySet()) {
            String project = entry.getKey();
            LocationDiscovery.Found found = entry.getValue();
            if (found.failure() == null) {
                found.locations().forEach(l -> scopes.add(new ScopeKey(project, l)));
                found.unsupported().forEach(l -> failures.add(new ScopeOutcome(new ScopeKey(project, l), ScopeOutcome.Status.UNSUPPORTED,
                        null, "Skipped: " + ScopeFailures.advice(ScopeStatus.UNSUPPORTED, project, l) + ".")));
            } else {
                ApiCallException e = found.failure();
                ScopeStatus status = ScopeFailures.classify(e);
                if (status == ScopeStatus.UNSUPPORTED) {
                    status = ScopeStatus.FAILED;
                }
                failures.add(new ScopeOutcome(new ScopeKey(project, "*"), ScopeOutcome.Status.valueOf(status.name()), null,
                        ScopeFailures.describe(e, status, project, "*")));
            }
        }
        return new Resolution(scopes, failures);
    }
}
