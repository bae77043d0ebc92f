package io.nasql.shell.cli;

import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import io.nasql.sync.discovery.DiscoveryScope;
import java.nio.file.Path;
import java.util.List;

/**
 * What a session is opened with, after flags and the config file are merged.
 *
 * @param dbUrl      the inventory's JDBC URL, or null for the folder
 * @param folder     the inventory folder, when dbUrl is null
 * @param api        where API calls go
 * @param projects   projects in scope
 * @param locations  locations in scope; empty means ListLocations per project
 * @param sync       concurrency and rate limits
 * @param assumeYes  bulk writes go ahead without asking ({@code --yes})
 * @param discovery  organizations and folders in scope, and the projects left out
 */
public record SessionConfig(String dbUrl, Path folder, ApiTarget api, List<String> projects, List<String> locations,
                            SyncOptions sync, boolean assumeYes, DiscoveryScope discovery) {
    public SessionConfig {
        projects = List.copyOf(projects);
        locations = List.copyOf(locations);
    }

    /** Named projects only: no organization or folder. */
    public SessionConfig(String dbUrl, Path folder, ApiTarget api, List<String> projects, List<String> locations,
                         SyncOptions sync, boolean assumeYes) {
        this(dbUrl, folder, api, projects, locations, sync, assumeYes, DiscoveryScope.none());
    }

    /** Whether a sync has anything to cover: named projects, or an organization or folder. */
    public boolean hasScope() {
        return !projects.isEmpty() || !discovery.coversNoContainer();
    }
}
