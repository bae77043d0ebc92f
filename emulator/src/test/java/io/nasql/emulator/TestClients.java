package io.nasql.emulator;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobServiceSettings;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;

/** The real JobServiceClient over plaintext loopback to an emulator, as nasql's sync builds it. */
final class TestClients {
    private TestClients() {
    }

    static JobServiceClient jobService(EmulatorServer emulator) throws IOException {
        JobServiceSettings.Builder settings = JobServiceSettings.newBuilder()
                .setEndpoint(emulator.endpoint())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .setTransportChannelProvider(JobServiceSettings.defaultGrpcTransportProviderBuilder()
                        .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                        .build());
        settings.deleteNasJobOperationSettings().setPollingAlgorithm(OperationTimedPollAlgorithm.create(RetrySettings.newBuilder()
                .setInitialRetryDelayDuration(Duration.ofMillis(50))
                .setRetryDelayMultiplier(1.5)
                .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                .setTotalTimeoutDuration(Duration.ofSeconds(30))
                .build()));
        return JobServiceClient.create(settings.build());
    }
}
