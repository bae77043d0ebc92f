package io.nasql.sync.discovery;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.cloud.asset.v1.AssetServiceClient;
import com.google.cloud.asset.v1.AssetServiceSettings;
import com.google.cloud.resourcemanager.v3.FoldersClient;
import com.google.cloud.resourcemanager.v3.FoldersSettings;
import com.google.cloud.resourcemanager.v3.ProjectsClient;
import com.google.cloud.resourcemanager.v3.ProjectsSettings;
import io.grpc.ManagedChannelBuilder;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.ApiTarget;
import java.io.IOException;
import java.time.Duration;

/**
 * The Cloud Asset Inventory and Resource Manager clients, each made on first use with the same
 * target and credentials as the Vertex AI clients, one attempt per call (nasql retries itself).
 */
public final class DiscoveryClients implements AutoCloseable {
    private final ApiTarget target;
    private final CredentialsProvider credentials;
    private final RetrySettings oneAttempt;
    private AssetServiceClient assets;
    private ProjectsClient projects;
    private FoldersClient folders;

    public DiscoveryClients(ApiTarget target, CredentialsProvider credentials, Duration callDeadline) {
        this.target = target;
        this.credentials = credentials;
        this.oneAttempt = RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setTotalTimeoutDuration(callDeadline)
                .setInitialRpcTimeoutDuration(callDeadline)
                .setMaxRpcTimeoutDuration(callDeadline)
                .setRpcTimeoutMultiplier(1.0)
                .build();
    }

    public synchronized AssetServiceClient assets() {
        if (assets == null) {
            AssetServiceSettings.Builder settings = AssetServiceSettings.newBuilder()
                    .setEndpoint(target.assetEndpoint()).setCredentialsProvider(credentials);
            if (target.plaintext()) {
                settings.setTransportChannelProvider(plaintext(AssetServiceSettings.defaultGrpcTransportProviderBuilder()));
            }
            once(settings.searchAllResourcesSettings());
            assets = create(() -> AssetServiceClient.create(settings.build()), target.assetEndpoint());
        }
        return assets;
    }

    public synchronized ProjectsClient projects() {
        if (projects == null) {
            ProjectsSettings.Builder settings = ProjectsSettings.newBuilder()
                    .setEndpoint(target.resourceManagerEndpoint()).setCredentialsProvider(credentials);
            if (target.plaintext()) {
                settings.setTransportChannelProvider(plaintext(ProjectsSettings.defaultGrpcTransportProviderBuilder()));
            }
            once(settings.getProjectSettings());
            once(settings.listProjectsSettings());
            projects = create(() -> ProjectsClient.create(settings.build()), target.resourceManagerEndpoint());
        }
        return projects;
    }

    public synchronized FoldersClient folders() {
        if (folders == null) {
            FoldersSettings.Builder settings = FoldersSettings.newBuilder()
                    .setEndpoint(target.resourceManagerEndpoint()).setCredentialsProvider(credentials);
            if (target.plaintext()) {
                settings.setTransportChannelProvider(plaintext(FoldersSettings.defaultGrpcTransportProviderBuilder()));
            }
            once(settings.listFoldersSettings());
            folders = create(() -> FoldersClient.create(settings.build()), target.resourceManagerEndpoint());
        }
        return folders;
    }

    private void once(UnaryCallSettings.Builder<?, ?> call) {
        call.setRetrySettings(oneAttempt).setRetryableCodes();
    }

    private static InstantiatingGrpcChannelProvider plaintext(InstantiatingGrpcChannelProvider.Builder builder) {
        return builder.setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build();
    }

    private interface Factory<T> {
        T create() throws IOException;
    }

    private static <T> T create(Factory<T> factory, String endpoint) {
        try {
            return factory.create();
        } catch (IOException e) {
            throw new ApiCallException("UNAVAILABLE", "cannot connect to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (assets != null) {
            assets.close();
        }
        if (projects != null) {
            projects.close();
        }
        if (folders != null) {
            folders.close();
        }
    }
}
