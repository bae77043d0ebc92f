package io.nasql.shell.cli;

import io.nasql.emulator.DiscoveryConfig;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.error.UsageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nasql emulator}: run the local Vertex AI emulator until stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the local Vertex AI NAS emulator on 127.0.0.1 until Ctrl-C or SIGTERM.")
public final class EmulatorCommand implements Callable<Integer> {
    @ParentCommand
    NasqlCommand nasql;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--projects", paramLabel = "N", defaultValue = "0", description = "Seed projects proj-001 ... proj-N.")
    int projectCount;

    @Option(names = "--project-ids", split = ",", paramLabel = "ID", description = "Seed these project ids instead.")
    List<String> projectIds = new ArrayList<>();

    @Option(names = "--locations", split = ",", defaultValue = "us-central1,europe-west4", description = "Locations served (default: ${DEFAULT-VALUE}).")
    List<String> locations;

    @Option(names = "--jobs-per-scope", defaultValue = "5", description = "Seeded jobs per project and location (default: ${DEFAULT-VALUE}).")
    int jobsPerScope;

    @Option(names = "--seed", defaultValue = "1", description = "Makes the seed data and faults repeatable (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", defaultValue = "1", description = "How much faster than wall time jobs move on (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Added to every call.")
    long latencyMs;

    @Option(names = "--error-rate", defaultValue = "0", description = "Fraction of calls answered UNAVAILABLE, 0 to 1.")
    double errorRate;

    @Option(names = "--fail-after-commit-rate", defaultValue = "0",
            description = "Fraction of CreateNasJob calls that create the job and then answer UNAVAILABLE, 0 to 1.")
    double failAfterCommitRate;

    @Option(names = "--quota-per-minute", defaultValue = "600",
            description = "CRUD requests per project and region per minute before RESOURCE_EXHAUSTED; 0 = none (default: ${DEFAULT-VALUE}, as Vertex AI).")
    int quotaPerMinute;

    @Option(names = "--submit-quota-per-minute", defaultValue = "60",
            description = "Creates, cancels and deletes per project and region per minute; 0 = none (default: ${DEFAULT-VALUE}, as Vertex AI).")
    int submitQuotaPerMinute;

    @Option(names = "--deny-projects", split = ",", paramLabel = "ID", description = "Projects that exist but answer PERMISSION_DENIED; P/LOCATION denies only that location of P.")
    List<String> denyProjects = new ArrayList<>();

    @Option(names = "--organization", paramLabel = "ORG_ID", defaultValue = DiscoveryConfig.DEFAULT_ORGANIZATION,
            description = "The organization the seeded projects sit under (default: ${DEFAULT-VALUE}).")
    String organization;

    @Option(names = "--folders", paramLabel = "N", defaultValue = "0",
            description = "Folders under the organization; the seeded projects are dealt among them (default: none).")
    int folders;

    @Option(names = "--folder-depth", paramLabel = "D",
            description = "Levels of folders: each top folder holds a chain of D-1 folders; the projects are dealt"
                    + " among the chains, the deepest folders first, then the ones above them (default: 1; needs --folders).")
    Integer folderDepth;

    @Option(names = "--scopes-with-jobs", paramLabel = "N", defaultValue = "0",
            description = "Only N seeded scopes, spread evenly, hold jobs (default: all).")
    int scopesWithJobs;

    @Option(names = "--asset-lag-ms", defaultValue = "0", description = "How far Cloud Asset Inventory's search lags behind the jobs.")
    long assetLagMs;

    @Option(names = "--asset-quota-per-minute", defaultValue = "400",
            description = "SearchAllResources calls per minute before RESOURCE_EXHAUSTED, the API's own quota; 0 = none (default: ${DEFAULT-VALUE}).")
    int assetQuotaPerMinute;

    @Option(names = "--deny-asset-search", description = "Answer SearchAllResources with PERMISSION_DENIED, as for a caller without the permission.")
    boolean denyAssetSearch;

    @Option(names = "--disable-asset-api", description = "Answer SearchAllResources with SERVICE_DISABLED, as when the Cloud Asset API is off in the quota project.")
    boolean disableAssetApi;

    @Option(names = "--disable-api", split = ",", paramLabel = "ID",
            description = "Projects with the Vertex AI API disabled: PERMISSION_DENIED with ErrorInfo SERVICE_DISABLED.")
    List<String> disabledProjects = new ArrayList<>();

    @Option(names = "--cancel-seconds", defaultValue = "2", description = "How long a job stays CANCELLING (default: ${DEFAULT-VALUE}).")
    long cancelSeconds;

    @Option(names = "--cancel-ignored-rate", defaultValue = "0",
            description = "Fraction of cancels that come too late: the job still ends SUCCEEDED or FAILED, 0 to 1.")
    double cancelIgnoredRate;

    @Override
    public Integer call() throws Exception {
        if (nasql.options().demo()) {
            throw new UsageException("--demo runs its own emulator and inventory; it does not go with `nasql emulator`");
        }
        if (!projectIds.isEmpty() && projectCount > 0) {
            throw new UsageException("give --projects N or --project-ids a,b, not both");
        }
        if (errorRate < 0 || errorRate > 1 || cancelIgnoredRate < 0 || cancelIgnoredRate > 1) {
            throw new UsageException("--error-rate and --cancel-ignored-rate take a fraction from 0 to 1");
        }
        if (failAfterCommitRate < 0 || failAfterCommitRate > 1) {
            throw new UsageException("--fail-after-commit-rate takes a fraction from 0 to 1, not " + failAfterCommitRate);
        }
        if (speed <= 0) {
            throw new UsageException("--speed must be positive");
        }
        if (folderDepth != null && folders == 0) {
            throw new UsageException("--folder-depth nests folders, so it needs --folders N with N > 0");
        }
        List<String> projects = projectIds.isEmpty() ? EmulatorConfig.numberedProjects(projectCount) : projectIds;
        EmulatorConfig config = EmulatorConfig.empty()
                .withPort(port)
                .withSeedData(projects, locations, jobsPerScope, seed)
                .withLatency(Duration.ofMillis(latencyMs))
                .withErrorRate(errorRate)
                .withQuota(quotaPerMinute, Duration.ofMinutes(1))
                .withSubmitQuota(submitQuotaPerMinute)
                .withDenyProjects(new HashSet<>(denyProjects))
                .withDisabledApi(new HashSet<>(disabledProjects))
                .withCancellation(Duration.ofSeconds(cancelSeconds), cancelIgnoredRate);
        DiscoveryConfig discovery;
        try {
            discovery = DiscoveryConfig.defaults().withHierarchy(organization, folders).withFolderDepth(folderDepth == null ? 1 : folderDepth)
                    .withScopesWithJobs(scopesWithJobs)
                    .withAssetLag(Duration.ofMillis(assetLagMs)).withAssetQuota(assetQuotaPerMinute).withDenyAssetSearch(denyAssetSearch)
                    .withAssetApiDisabled(disableAssetApi);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        EmulatorServer server = EmulatorServer.start(config, EmulatorClock.system(speed), discovery);
        server.setFailAfterCommitRate(failAfterCommitRate);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "nasql-emulator-stop"));
        nasql.io().out().println("nasql emulator listening on " + server.endpoint());
        nasql.io().out().flush();
        server.awaitTermination();
        return ExitCodes.OK;
    }
}
