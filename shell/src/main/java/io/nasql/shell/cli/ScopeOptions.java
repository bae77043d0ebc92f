package io.nasql.shell.cli;

import io.nasql.shell.error.UsageException;
import io.nasql.sync.discovery.DiscoveryScope;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --organization}, {@code --folder} and {@code --exclude-projects}: the scope beyond named projects. */
public final class ScopeOptions {
    @Option(names = "--organization", paramLabel = "ORG_ID",
            description = "Sync the NasJobs found in this organization through Cloud Asset Inventory (repeatable).")
    List<String> organizations = new ArrayList<>();

    @Option(names = "--folder", paramLabel = "FOLDER_ID",
            description = "Sync the NasJobs found in this folder through Cloud Asset Inventory (repeatable).")
    List<String> folders = new ArrayList<>();

    @Option(names = "--exclude-projects", split = ",", paramLabel = "ID|GLOB",
            description = "Leave these projects out: ids or globs such as sandbox-* (repeatable).")
    List<String> excludeProjects = new ArrayList<>();

    /** These flags over the settings file's, each list as a whole. */
    DiscoveryScope over(ScopeOptions file) {
        try {
            return new DiscoveryScope(organizations.isEmpty() ? file.organizations : organizations,
                    folders.isEmpty() ? file.folders : folders,
                    excludeProjects.isEmpty() ? file.excludeProjects : excludeProjects);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
