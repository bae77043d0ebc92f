package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.DiscoveryConfig;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nasql sync --organization/--folder/--exclude-projects} and SHOW SCOPES, end to end against the emulator. */
class DiscoveryCommandTest {
    private static final String ORG = DiscoveryConfig.DEFAULT_ORGANIZATION;

    @TempDir
    Path home;

    private static EmulatorServer emulator(DiscoveryConfig discovery) throws Exception {
        return EmulatorServer.start(EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(4),
                List.of("us-central1", "europe-west4"), 2, 3), EmulatorClock.system(1), discovery);
    }

    @Test
    void syncByOrganizationListsOnlyTheScopesWithJobsAndShowScopesSaysHowEachWasFound() throws Exception {
        try (EmulatorServer emulator = emulator(DiscoveryConfig.defaults().withScopesWithJobs(2))) {
            String db = Cli.memoryDb();
            Cli.Result sync = Cli.run(home, "", "--db", db, "--endpoint", emulator.endpoint(), "--plaintext",
                    "--organization", ORG, "--projects", "proj-004", "--locations", "us-central1,europe-west4", "sync");
            assertThat(sync.code()).as(sync.err()).isZero();
            // Two scopes found by the search, two named (proj-004 in both locations).
            assertThat(sync.out()).startsWith("synced 4 scopes");

            Cli.Result show = Cli.sql(home, db, "-o", "csv", "-e", "SHOW SCOPES");
            assertThat(show.code()).as(show.err()).isZero();
            assertThat(show.out()).contains("projectsId,locationsId,discoveredBy,discoveredIn,status,jobCount")
                    .contains("proj-004,us-central1,named,,OK,0")
                    .contains(",discovered,organizations/" + ORG + ",OK,2");
            assertThat(show.out().lines().filter(l -> l.contains(",discovered,")).count()).isEqualTo(2);
        }
    }

    @Test
    void withoutThePermissionOneLineNamesItAndTheFallbackListsEveryProjectOfTheFolder() throws Exception {
        try (EmulatorServer emulator = emulator(DiscoveryConfig.defaults().withHierarchy(ORG, 2).withDenyAssetSearch(true))) {
            String db = Cli.memoryDb();
            Files.writeString(home.resolve("nasql.yaml"), "folder: " + (Long.parseLong(ORG) * 10 + 1)
                    + "\nexclude_projects: ['proj-0?3']\nendpoint: " + emulator.endpoint() + "\nplaintext: true\n");
            Cli.Result sync = Cli.run(home, "", "--db", db, "--config", home.resolve("nasql.yaml").toString(), "sync");
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.err().lines().filter(l -> l.contains("cloudasset.assets.searchAllResources")).toList()).hasSize(1);
            // The folder holds proj-001 and proj-003; proj-003 is left out; proj-001 in every region ListLocations
            // names, of which its two locations hold jobs and the others say NAS is not offered there.
            assertThat(sync.out()).startsWith("synced ").contains(": 2 ok, 0 failed, 0 denied, ");
            Cli.Result show = Cli.sql(home, db, "-o", "csv", "-e", "SELECT DISTINCT projectsId, discoveredBy FROM google.aiplatform.sync_scopes");
            assertThat(show.out()).contains("proj-001,fallback").doesNotContain("proj-003");
        }
    }

    @Test
    void theSyncStatementCoversTheConfiguredOrganizationToo() throws Exception {
        try (EmulatorServer emulator = emulator(DiscoveryConfig.defaults().withScopesWithJobs(3))) {
            Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--endpoint", emulator.endpoint(), "--plaintext",
                    "--organization", ORG, "-o", "csv", "-e", "SYNC");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out().lines().filter(l -> l.startsWith("proj-") && l.contains(",OK,2,")).count()).isEqualTo(3);
        }
    }

    @Test
    void twoFoldersOnTheCommandLineWithProjectsExcludedByNameAndByGlob() throws Exception {
        // Two folders: proj-001 and proj-003 in the first, proj-002 and proj-004 in the second; every scope holds jobs.
        try (EmulatorServer emulator = emulator(DiscoveryConfig.defaults().withHierarchy(ORG, 2))) {
            String db = Cli.memoryDb();
            String first = String.valueOf(Long.parseLong(ORG) * 10 + 1);
            String second = String.valueOf(Long.parseLong(ORG) * 10 + 2);
            Cli.Result sync = Cli.run(home, "", "--db", db, "--endpoint", emulator.endpoint(), "--plaintext",
                    "--folder", first, "--folder", second, "--exclude-projects", "proj-001,*4", "sync");
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.out()).startsWith("synced 4 scopes");
            Cli.Result show = Cli.sql(home, db, "-o", "csv", "-e", "SELECT projectsId, locationsId, discoveredBy, discoveredIn"
                    + " FROM google.aiplatform.sync_scopes ORDER BY projectsId, locationsId");
            assertThat(show.out().lines().skip(1).toList()).containsExactly(
                    "proj-002,europe-west4,discovered,folders/" + second, "proj-002,us-central1,discovered,folders/" + second,
                    "proj-003,europe-west4,discovered,folders/" + first, "proj-003,us-central1,discovered,folders/" + first);
        }
    }

    @Test
    void theOrganizationCanComeFromTheConfigFile() throws Exception {
        try (EmulatorServer emulator = emulator(DiscoveryConfig.defaults().withScopesWithJobs(2))) {
            String db = Cli.memoryDb();
            Files.writeString(home.resolve("nasql.yaml"), "organization: '" + ORG + "'\nendpoint: " + emulator.endpoint()
                    + "\nplaintext: true\n");
            Cli.Result sync = Cli.run(home, "", "--db", db, "--config", home.resolve("nasql.yaml").toString(), "sync");
            assertThat(sync.code()).as(sync.err()).isZero();
            assertThat(sync.out()).startsWith("synced 2 scopes");
            Cli.Result show = Cli.sql(home, db, "-o", "csv", "-e", "SELECT DISTINCT discoveredBy, discoveredIn FROM google.aiplatform.sync_scopes");
            assertThat(show.out().lines().skip(1).toList()).containsExactly("discovered,organizations/" + ORG);
        }
    }

    @Test
    void aBadOrganizationIsAUsageError() {
        Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--organization", "acme", "sync");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--organization takes a number");
    }
}
