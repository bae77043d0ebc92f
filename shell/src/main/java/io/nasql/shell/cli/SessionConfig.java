package io.nasql.shell.cli;

import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
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
 */
public record SessionConfig(String dbUrl, Path folder, ApiTarget api, List<String> projects, List<String> locations,
                            SyncOptions sync, boolean assumeYes) {
    public SessionConfig {
        projects = List.copyOf(projects);
        locations = List.copyOf(locations);
    }
}
