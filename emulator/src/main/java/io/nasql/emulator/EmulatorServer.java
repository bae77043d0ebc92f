package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.CancelNasJobRequest;
import com.google.cloud.aiplatform.v1.CreateNasJobRequest;
import com.google.cloud.aiplatform.v1.DeleteNasJobRequest;
import com.google.cloud.aiplatform.v1.GetNasJobRequest;
import com.google.cloud.aiplatform.v1.GetNasTrialDetailRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsResponse;
import com.google.cloud.aiplatform.v1.ListNasTrialDetailsRequest;
import com.google.cloud.aiplatform.v1.ListNasTrialDetailsResponse;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasTrialDetail;
import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's gRPC server on 127.0.0.1. The service definitions are built from
 * {@code MethodDescriptor}s over the proto classes, because the generated gRPC stub artifact
 * is not published for the client version nasql uses. Methods not registered here answer
 * UNIMPLEMENTED, as gRPC does for any unknown method.
 */
public final class EmulatorServer implements AutoCloseable {
    private static final String JOB_SERVICE = "google.cloud.aiplatform.v1.JobService";
    private static final String OPERATIONS = "google.longrunning.Operations";
    private static final String LOCATIONS = "google.cloud.location.Locations";

    private final Server server;
    private final EmulatorClock clock;
    private final JobRegistry registry;
    private final CallStats stats;
    private final CommitFaults commitFaults;
    private final Map<String, CommitFaults> otherCommitFaults;
    private final NasJobService service;
    private final SlowCalls slowPolls;

    @FunctionalInterface
    interface Handler<Q, R> {
        R handle(Q request) throws InterruptedException;
    }

    private EmulatorServer(Server server, EmulatorClock clock, JobRegistry registry, CallStats stats, CommitFaults commitFaults,
                           Map<String, CommitFaults> otherCommitFaults, NasJobService service, SlowCalls slowPolls) {
        this.server = server;
        this.slowPolls = slowPolls;
        this.service = service;
        this.clock = clock;
        this.registry = registry;
        this.stats = stats;
        this.commitFaults = commitFaults;
        this.otherCommitFaults = otherCommitFaults;
    }

    /** Seeds the jobs the config asks for and starts serving. */
    public static EmulatorServer start(EmulatorConfig config, EmulatorClock clock) throws IOException {
        return start(config, clock, DiscoveryConfig.defaults());
    }

    /** As {@link #start(EmulatorConfig, EmulatorClock)}, with Cloud Asset Inventory and Resource Manager as {@code discovery} says. */
    public static EmulatorServer start(EmulatorConfig config, EmulatorClock clock, DiscoveryConfig discovery) throws IOException {
        ProjectRegistry projects = new ProjectRegistry(config.knownProjects(), config.denyProjects(), config.disabledProjects());
        JobRegistry registry = new JobRegistry(config.seed());
        SeedData.populate(config, clock.now(), projects, registry, discovery.scopesWithJobs());
        CallStats stats = new CallStats();
        NasJobService service = new NasJobService(config, clock, projects, registry);
        CommitFaults commitFaults = new CommitFaults(config.seed());
        Map<String, CommitFaults> other = Map.of("CancelNasJob", new CommitFaults(config.seed() + 1),
                "DeleteNasJob", new CommitFaults(config.seed() + 2), "GetNasJob", new CommitFaults(config.seed() + 3));
        ResourceHierarchy hierarchy = new ResourceHierarchy(discovery, config.projectIds());
        SlowCalls slowPolls = new SlowCalls();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", config.port()));
        DiscoveryServices.definitions(new AssetService(config, discovery, clock, projects, hierarchy, registry),
                new ResourceManagerService(config, projects, hierarchy), stats).forEach(builder::addService);
        Server server = builder
                .addService(jobService(service, stats, commitFaults, other))
                .addService(ServerServiceDefinition.builder(OPERATIONS)
                        .addMethod(unary(OPERATIONS, "GetOperation", GetOperationRequest.getDefaultInstance(),
                                Operation.getDefaultInstance(), q -> {
                                    slowPolls.apply();
                                    return service.getOperation(q);
                                }, stats))
                        .build())
                .addService(ServerServiceDefinition.builder(LOCATIONS)
                        .addMethod(unary(LOCATIONS, "ListLocations", ListLocationsRequest.getDefaultInstance(),
                                ListLocationsResponse.getDefaultInstance(), service::listLocations, stats))
                        .addMethod(unary(LOCATIONS, "GetLocation", GetLocationRequest.getDefaultInstance(),
                                Location.getDefaultInstance(), service::getLocation, stats))
                        .build())
                .build()
                .start();
        return new EmulatorServer(server, clock, registry, stats, commitFaults, other, service, slowPolls);
    }

    private static ServerServiceDefinition jobService(NasJobService service, CallStats stats, CommitFaults commitFaults,
                                                      Map<String, CommitFaults> other) {
        return ServerServiceDefinition.builder(JOB_SERVICE)
                .addMethod(unary(JOB_SERVICE, "CreateNasJob", CreateNasJobRequest.getDefaultInstance(),
                        NasJob.getDefaultInstance(), q -> commitFaults.after(service.createNasJob(q)), stats))
                .addMethod(unary(JOB_SERVICE, "GetNasJob", GetNasJobRequest.getDefaultInstance(),
                        NasJob.getDefaultInstance(), q -> other.get("GetNasJob").after(service.getNasJob(q)), stats))
                .addMethod(unary(JOB_SERVICE, "ListNasJobs", ListNasJobsRequest.getDefaultInstance(),
                        ListNasJobsResponse.getDefaultInstance(), service::listNasJobs, stats))
                .addMethod(unary(JOB_SERVICE, "DeleteNasJob", DeleteNasJobRequest.getDefaultInstance(),
                        Operation.getDefaultInstance(), q -> other.get("DeleteNasJob").after(service.deleteNasJob(q)), stats))
                .addMethod(unary(JOB_SERVICE, "CancelNasJob", CancelNasJobRequest.getDefaultInstance(),
                        Empty.getDefaultInstance(), q -> other.get("CancelNasJob").after(service.cancelNasJob(q)), stats))
                .addMethod(unary(JOB_SERVICE, "GetNasTrialDetail", GetNasTrialDetailRequest.getDefaultInstance(),
                        NasTrialDetail.getDefaultInstance(), service::getNasTrialDetail, stats))
                .addMethod(unary(JOB_SERVICE, "ListNasTrialDetails", ListNasTrialDetailsRequest.getDefaultInstance(),
                        ListNasTrialDetailsResponse.getDefaultInstance(), service::listNasTrialDetails, stats))
                .build();
    }

    static <Q extends Message, R extends Message> io.grpc.ServerMethodDefinition<Q, R> unary(
            String service, String method, Q request, R response, Handler<Q, R> handler, CallStats stats) {
        MethodDescriptor<Q, R> descriptor = MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
        return io.grpc.ServerMethodDefinition.create(descriptor,
                ServerCalls.asyncUnaryCall((Q q, StreamObserver<R> observer) -> respond(method, q, observer, handler, stats)));
    }

    /** The one place a call is answered: counted, handled, and its error turned into a status. */
    private static <Q, R> void respond(String method, Q request, StreamObserver<R> observer, Handler<Q, R> handler, CallStats stats) {
        R response;
        try {
            response = handle(method, request, handler, stats);
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    /**
     * Handles a call inside the in-flight count. The count drops before the answer is sent, so a
     * client that starts its next call on receiving the answer is never counted twice.
     */
    private static <Q, R> R handle(String method, Q request, Handler<Q, R> handler, CallStats stats) {
        stats.started(method);
        try {
            return handler.handle(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceError.SHUTTING_DOWN.of();
        } catch (StatusRuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ServiceError.INTERNAL.of(e);
        } finally {
            stats.finished();
        }
    }

    public int port() {
        return server.getPort();
    }

    /** {@code 127.0.0.1:PORT}, for {@code --endpoint}. */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    /**
     * The fraction of CreateNasJob calls that create the job and then answer UNAVAILABLE, as a
     * connection lost after the server committed looks to the client; 0 (the default) for none.
     */
    public void setFailAfterCommitRate(double rate) {
        setFailAfterCommitRate(rate, "UNAVAILABLE");
    }

    /**
     * As {@link #setFailAfterCommitRate(double)}, answering {@code code} instead of UNAVAILABLE:
     * DEADLINE_EXCEEDED or INTERNAL, the other answers after which the job may exist. For tests only.
     */
    public void setFailAfterCommitRate(double rate, String code) {
        commitFaults.setCode(code);
        commitFaults.setRate(rate);
    }

    /**
     * As {@link #setFailAfterCommitRate(double)}, for {@code CancelNasJob}, {@code DeleteNasJob}
     * or {@code GetNasJob}: the call acts (or reads), then answers UNAVAILABLE. For tests only.
     */
    public void setFailAfterCommitRate(String method, double rate) {
        CommitFaults faults = otherCommitFaults.get(method);
        if (faults == null) {
            throw new IllegalArgumentException("no fail-after-commit fault for " + method);
        }
        faults.setRate(rate);
    }

    /**
     * Jobs created after this call end FAILED with {@code message} (error code INTERNAL) instead of
     * SUCCEEDED; null restores success. For tests of a job that fails, e.g. after a cancel that did not take.
     */
    public void setCreatedJobsFail(String message) {
        service.setCreatedJobsFailure(message);
    }

    /** The next {@code polls} GetOperation calls each take {@code delay} before they are answered. For tests only. */
    public void setSlowOperationPolls(Duration delay, int polls) {
        slowPolls.set(delay, polls);
    }

    public CallStats stats() {
        return stats;
    }

    public Instant now() {
        return clock.now();
    }

    /** Every job as GetNasJob would return it now. */
    public List<NasJob> jobs() {
        registry.completeDueDeletes(System.nanoTime());
        return registry.snapshot(clock.now());
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
