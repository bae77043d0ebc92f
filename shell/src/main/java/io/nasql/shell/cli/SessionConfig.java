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
 * @param dbPassword a PostgreSQL inventory's password from the settings file, or null; never printed
 */
public record SessionConfig(String dbUrl, Path folder, ApiTarget api, List<String> projects, List<String> locations,
                            SyncOptions sync, boolean assumeYes, DiscoveryScope discovery, String dbPassword) {
    public SessionConfig {
        projects = List.copyOf(projects);
        locations = List.copyOf(locations);
    }

    /** Named projects only: no organization or folder. */
    public SessionConfig(String dbUrl, Path folder, ApiTarget api, List<String> projects, List<String> locations,
                         SyncOptions sync, boolean assumeYes) {
        this(dbUrl, folder, api, projects, locations, sync, assumeYes, DiscoveryScope.none(), null);
    }

    /** Whether a sync has anything to cover: named projects, or an organization or folder. */
    public boolean hasScope() {
        return !projects.isEmpty() || !discovery.coversNoContainer();
    }

    /** The same session with other sync options. */
    public SessionConfig withSync(SyncOptions other) {
        return new SessionConfig(dbUrl, folder, api, projects, locations, other, assumeYes, discovery, dbPassword);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "SessionConfig[db=" + (dbUrl == null ? folder : "(url)") + ", projects=" + projects + ", locations=" + locations + "]";
    }
}
