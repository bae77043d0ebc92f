package io.nasql.sync;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiCallContext;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.JobServiceSettings;
import io.grpc.ManagedChannelBuilder;
import io.nasql.db.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One {@code JobServiceClient} per endpoint (a location's regional one, or the one {@code --endpoint}
 * names for all), each made on first use: making one costs about a second, so a statement that
 * needs no API never pays for it, and locations behind one endpoint share its client and channel.
 */
public final class JobServiceClients implements AutoCloseable {
    private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final ApiTarget target;
    private final Duration callDeadline;
    private final Function<String, String> endpointFor;
    private final Map<String, Lazy> clients = new ConcurrentHashMap<>();
    private volatile CredentialsProvider credentials;

    public JobServiceClients(ApiTarget target, Duration callDeadline) {
        this(target, callDeadline, target::endpointFor);
    }

    /** As above, each location served at the endpoint {@code endpointFor} names: tests give regions endpoints of their own. */
    JobServiceClients(ApiTarget target, Duration callDeadline, Function<String, String> endpointFor) {
        this.target = target;
        this.callDeadline = callDeadline;
        this.endpointFor = endpointFor;
    }

    /** The client for a location's endpoint: one per region on the real API, one for all with --endpoint. */
    public JobServiceClient forLocation(String location) {
        return clients.computeIfAbsent(endpointFor.apply(location), Lazy::new).get();
    }

    /** How many clients were made so far; a local-only statement makes none. */
    public int created() {
        return (int) clients.values().stream().filter(Lazy::made).count();
    }

    /**
     * One endpoint's client, made on first use under its own lock, so that clients for many
     * locations are made in parallel rather than one after the other inside the map's lock.
     */
    private final class Lazy {
        private final String endpoint;
        private JobServiceClient client;

        Lazy(String endpoint) {
            this.endpoint = endpoint;
        }

        synchronized JobServiceClient get() {
            if (client == null) {
                client = create(endpoint);
            }
            return client;
        }

        synchronized boolean made() {
            return client != null;
        }

        synchronized void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    private JobServiceClient create(String endpoint) {
        JobServiceSettings.Builder settings = JobServiceSettings.newBuilder()
                .setEndpoint(endpoint)
                .setCredentialsProvider(credentials());
        if (target.plaintext()) {
            settings.setTransportChannelProvider(JobServiceSettings.defaultGrpcTransportProviderBuilder()
                    .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                    .build());
        }
        // nasql retries by itself (CallRunner), so each call gets one attempt with a deadline.
        RetrySettings oneAttempt = oneAttempt(callDeadline);
        for (UnaryCallSettings.Builder<?, ?> call : new UnaryCallSettings.Builder<?, ?>[] {
                settings.listNasJobsSettings(), settings.getNasJobSettings(), settings.createNasJobSettings(),
                settings.cancelNasJobSettings(), settings.deleteNasJobSettings(), settings.listLocationsSettings()}) {
            call.setRetrySettings(oneAttempt).setRetryableCodes();
        }
        try {
            return JobServiceClient.create(settings.build());
        } catch (IOException e) {
            throw new ApiCallException("UNAVAILABLE", "cannot connect to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * The context of one GetOperation poll: one attempt, no retries inside gax, and a deadline of
     * the call deadline or {@code bound}, whichever is shorter. The client's operations client keeps
     * gax's defaults (long deadlines, retries of its own that Ctrl-C cannot stop), which JobServiceSettings cannot change.
     */
    public ApiCallContext pollContext(Duration bound) {
        // A zero timeout would mean none to gRPC: the shortest deadline is a millisecond.
        Duration deadline = bound.compareTo(callDeadline) < 0 ? max(bound, Duration.ofMillis(1)) : callDeadline;
        return GrpcCallContext.createDefault().withTimeoutDuration(deadline)
                .withRetrySettings(oneAttempt(deadline)).withRetryableCodes(Set.of());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static RetrySettings oneAttempt(Duration deadline) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setTotalTimeoutDuration(deadline)
                .setInitialRpcTimeoutDuration(deadline)
                .setMaxRpcTimeoutDuration(deadline)
                .setRpcTimeoutMultiplier(1.0)
                .build();
    }

    /** The credentials every client of this target uses (none for the emulator); loaded once. */
    public CredentialsProvider credentials() {
        if (credentials == null) {
            synchronized (this) {
                if (credentials == null) {
                    credentials = target.plaintext() ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(load());
                }
            }
        }
        return credentials;
    }

    private GoogleCredentials load() {
        if (target.credentialsFile() != null) {
            // Read in place, never copied; the message names the file, never what is in it.
            try (InputStream in = Files.newInputStream(target.credentialsFile())) {
                return GoogleCredentials.fromStream(in).createScoped(CLOUD_PLATFORM);
            } catch (IOException e) {
                throw new CredentialsException("cannot read credentials from " + target.credentialsFile() + ": "
                        + Secrets.mask(e.getMessage()), e);
            }
        }
        try {
            return GoogleCredentials.getApplicationDefault().createScoped(CLOUD_PLATFORM);
        } catch (IOException e) {
            throw new CredentialsException("no Google credentials found: run `gcloud auth application-default login`,"
                    + " pass --credentials FILE, or try `nasql --demo`", e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(Lazy::close);
        clients.clear();
    }
}
