package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.CancelNasJobRequest;
import com.google.cloud.aiplatform.v1.CreateNasJobRequest;
import com.google.cloud.aiplatform.v1.DeleteNasJobRequest;
import com.google.cloud.aiplatform.v1.DeleteOperationMetadata;
import com.google.cloud.aiplatform.v1.GenericOperationMetadata;
import com.google.cloud.aiplatform.v1.GetNasJobRequest;
import com.google.cloud.aiplatform.v1.GetNasTrialDetailRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.ListNasJobsResponse;
import com.google.cloud.aiplatform.v1.ListNasTrialDetailsRequest;
import com.google.cloud.aiplatform.v1.ListNasTrialDetailsResponse;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.cloud.aiplatform.v1.NasTrialDetail;
import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.BadRequest.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/** The NAS methods of JobService, GetOperation and the Locations methods, over the registry. */
final class NasJobService {
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final EmulatorConfig config;
    private final EmulatorClock clock;
    private final ProjectRegistry projects;
    private final JobRegistry registry;
    private final Faults faults;
    private final Quotas quotas;
    private final List<String> listedRegions;
    /** The error the jobs created from now on end with; null: they succeed. */
    private volatile String createdJobsFailure;

    /** A request's scope with the project resolved to its id. */
    private record Scope(String projectId, String location) {
    }

    NasJobService(EmulatorConfig config, EmulatorClock clock, ProjectRegistry projects, JobRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.projects = projects;
        this.registry = registry;
        this.faults = new Faults(config);
        this.quotas = new Quotas(config);
        this.listedRegions = Regions.listed(config.locations());
    }

    NasJob createNasJob(CreateNasJobRequest request) throws InterruptedException {
        Scope scope = admit(ApiMethod.CREATE_NAS_JOB, Names.scope("parent", request.getParent()), request.getParent());
        NasJob asked = RequestValidator.withoutOutputOnly(request.getNasJob());
        List<FieldViolation> violations = new ArrayList<>();
        RequestValidator.missingRequired(request.toBuilder().setNasJob(asked), "")
                .forEach(f -> violations.add(JobSpecRules.violation(f, JobSpecRules.REQUIRED)));
        violations.addAll(RequestValidator.limits(asked));
        violations.addAll(JobSpecRules.violations(asked));
        if (!violations.isEmpty()) {
            throw ServiceError.invalidFields(violations);
        }
        Instant now = clock.now();
        String id = registry.newJobId();
        String name = "projects/" + projects.numberOf(scope.projectId()) + "/locations/" + scope.location() + "/nasJobs/" + id;
        EmulatedJob job = new EmulatedJob(scope.projectId(), scope.location(), id, name, asked,
                Timeline.forCreated(now, createdJobsFailure), id.hashCode(), config.cancelTakes());
        registry.add(job);
        return job.view(now, true);
    }

    /** Jobs created after this fail at the end of their run with {@code message}; null: they succeed again. */
    void setCreatedJobsFailure(String message) {
        createdJobsFailure = message;
    }

    NasJob getNasJob(GetNasJobRequest request) throws InterruptedException {
        Names.Job name = Names.job("name", request.getName());
        Scope scope = admit(ApiMethod.GET_NAS_JOB, name.scope(), request.getName());
        return registry.get(scope.projectId(), scope.location(), name.jobId()).view(clock.now(), true);
    }

    ListNasJobsResponse listNasJobs(ListNasJobsRequest request) throws InterruptedException {
        Scope scope = admit(ApiMethod.LIST_NAS_JOBS, Names.scope("parent", request.getParent()), request.getParent());
        Predicate<NasJob> filter = ListFilter.parse(request.getFilter());
        ReadMask mask = ReadMask.of(request.getReadMask());
        int size = pageSize(request.getPageSize());
        String after = afterId(request.getPageToken(), request.getParent());
        Instant now = clock.now();
        ListNasJobsResponse.Builder response = ListNasJobsResponse.newBuilder();
        String last = null;
        for (EmulatedJob job : registry.page(scope.projectId(), scope.location(), after, Integer.MAX_VALUE)) {
            // ListNasJobs leaves nasJobOutput out, as the API documents.
            NasJob view = job.view(now, false);
            if (!filter.test(view)) {
                continue;
            }
            if (response.getNasJobsCount() == size) {
                response.setNextPageToken(pageToken(request.getParent(), last));
                break;
            }
            response.addNasJobs(mask.apply(view));
            last = job.id();
        }
        return response.build();
    }

    Operation deleteNasJob(DeleteNasJobRequest request) throws InterruptedException {
        Names.Job name = Names.job("name", request.getName());
        Scope scope = admit(ApiMethod.DELETE_NAS_JOB, name.scope(), request.getName());
        Instant now = clock.now();
        EmulatedJob job = registry.get(scope.projectId(), scope.location(), name.jobId());
        if (!job.isFinished(now)) {
            throw ServiceError.DELETE_UNFINISHED.of(job.name(), job.state(now).name());
        }
        String operation = "projects/" + projects.numberOf(scope.projectId()) + "/locations/" + scope.location()
                + "/operations/" + registry.newOperationId();
        registry.startDelete(new JobRegistry.PendingDelete(operation, job, System.nanoTime() + config.operationDelay().toNanos()));
        return Operation.newBuilder()
                .setName(operation)
                .setMetadata(deleteMetadata(now))
                .setDone(false)
                .build();
    }

    Empty cancelNasJob(CancelNasJobRequest request) throws InterruptedException {
        Names.Job name = Names.job("name", request.getName());
        Scope scope = admit(ApiMethod.CANCEL_NAS_JOB, name.scope(), request.getName());
        Instant now = clock.now();
        EmulatedJob job = registry.get(scope.projectId(), scope.location(), name.jobId());
        // Best effort, as the CancelNasJob comment says: some cancels come too late, and the job still finishes.
        boolean ignored = config.cancelIgnoredRate() > 0
                && new java.util.SplittableRandom(job.valueSeed() ^ config.seed()).nextDouble() < config.cancelIgnoredRate();
        if (!job.cancel(now, ignored)) {
            throw ServiceError.CANCEL_FINISHED.of(job.name(), job.state(now).name());
        }
        return Empty.getDefaultInstance();
    }

    NasTrialDetail getNasTrialDetail(GetNasTrialDetailRequest request) throws InterruptedException {
        Names.Trial name = Names.trial("name", request.getName());
        Scope scope = admit(ApiMethod.GET_NAS_TRIAL_DETAIL, name.job().scope(), request.getName());
        NasJob job = registry.get(scope.projectId(), scope.location(), name.job().jobId()).view(clock.now(), true);
        return job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsList().stream()
                .filter(t -> t.getId().equals(name.trialId()))
                .findFirst()
                .map(t -> trialDetail(job, t))
                .orElseThrow(() -> ServiceError.NOT_FOUND.of("NasTrialDetail", request.getName()));
    }

    ListNasTrialDetailsResponse listNasTrialDetails(ListNasTrialDetailsRequest request) throws InterruptedException {
        Names.Job name = Names.job("parent", request.getParent());
        Scope scope = admit(ApiMethod.LIST_NAS_TRIAL_DETAILS, name.scope(), request.getParent());
        NasJob job = registry.get(scope.projectId(), scope.location(), name.jobId()).view(clock.now(), true);
        List<NasTrial> trials = job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsList();
        int size = pageSize(request.getPageSize());
        String after = afterId(request.getPageToken(), request.getParent());
        int start = after == null ? 0 : Integer.parseInt(after);
        ListNasTrialDetailsResponse.Builder response = ListNasTrialDetailsResponse.newBuilder();
        for (int i = start; i < Math.min(trials.size(), start + size); i++) {
            response.addNasTrialDetails(trialDetail(job, trials.get(i)));
        }
        if (start + size < trials.size()) {
            response.setNextPageToken(pageToken(request.getParent(), String.valueOf(start + size)));
        }
        return response.build();
    }

    Operation getOperation(GetOperationRequest request) throws InterruptedException {
        Names.Operation name = Names.operation("name", request.getName());
        admit(ApiMethod.GET_OPERATION, name.scope(), request.getName());
        JobRegistry.PendingDelete delete = registry.operation(request.getName());
        if (delete == null) {
            throw ServiceError.NOT_FOUND.of("Operation", request.getName());
        }
        // One instant for both: an operation reported done has its job gone.
        long now = System.nanoTime();
        registry.completeDueDeletes(now);
        Operation.Builder operation = Operation.newBuilder().setName(delete.operationName()).setMetadata(deleteMetadata(clock.now()));
        if (now >= delete.doneAtNanos()) {
            operation.setDone(true).setResponse(Any.pack(Empty.getDefaultInstance()));
        }
        return operation.build();
    }

    ListLocationsResponse listLocations(ListLocationsRequest request) throws InterruptedException {
        faults.apply();
        String project = projects.admit(Names.project("name", request.getName()), ApiMethod.LIST_LOCATIONS, request.getName());
        // Every Vertex AI region, whether or not NAS runs there, as the real ListLocations answers.
        ListLocationsResponse.Builder response = ListLocationsResponse.newBuilder();
        listedRegions.forEach(l -> response.addLocations(location(project, l)));
        return response.build();
    }

    Location getLocation(GetLocationRequest request) throws InterruptedException {
        faults.apply();
        Names.Scope named = Names.scope("name", request.getName());
        String project = projects.admit(named.project(), ApiMethod.GET_LOCATION, request.getName());
        if (!listedRegions.contains(named.location())) {
            throw ServiceError.NOT_FOUND.of("Location", request.getName());
        }
        return location(project, named.location());
    }

    /**
     * Admits a call as the service does: the caller's access to the project first, then the
     * location, the faults, and the quotas.
     */
    private Scope admit(ApiMethod method, Names.Scope named, String resource) throws InterruptedException {
        registry.completeDueDeletes(System.nanoTime());
        faults.apply();
        String projectId = projects.admitIn(named.project(), named.location(), method, resource);
        if (!config.locations().contains(named.location())) {
            throw (listedRegions.contains(named.location()) ? ServiceError.LOCATION_UNSUPPORTED : ServiceError.LOCATION_UNKNOWN)
                    .of(named.location());
        }
        quotas.charge(projectId, projects.numberOf(projectId), named.location(), method);
        return new Scope(projectId, named.location());
    }

    private static int pageSize(int asked) {
        if (asked < 0) {
            throw ServiceError.INVALID_PAGE_SIZE.of(asked);
        }
        return asked == 0 ? DEFAULT_PAGE_SIZE : Math.min(asked, MAX_PAGE_SIZE);
    }

    private static String pageToken(String parent, String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((parent + "\n" + after).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a page token encodes, for the same parent only; null for the first page. */
    private static String afterId(String token, String parent) {
        if (token.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int newline = decoded.indexOf('\n');
            if (newline > 0 && decoded.substring(0, newline).equals(parent)) {
                return decoded.substring(newline + 1);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceError.INVALID_PAGE_TOKEN.of(token);
    }

    private static NasTrialDetail trialDetail(NasJob job, NasTrial searchTrial) {
        NasTrialDetail.Builder detail = NasTrialDetail.newBuilder()
                .setName(job.getName() + "/nasTrialDetails/" + searchTrial.getId())
                .setParameters("{\"trial\":" + searchTrial.getId() + ",\"search_space\":\""
                        + job.getNasJobSpec().getSearchSpaceSpec() + "\"}")
                .setSearchTrial(searchTrial);
        job.getNasJobOutput().getMultiTrialJobOutput().getTrainTrialsList().stream()
                .filter(t -> t.getId().equals(searchTrial.getId()))
                .findFirst()
                .ifPresent(detail::setTrainTrial);
        return detail.build();
    }

    private Location location(String projectId, String location) {
        return Location.newBuilder()
                .setName("projects/" + projectId + "/locations/" + location)
                .setLocationId(location)
                .setDisplayName(location)
                .build();
    }

    private static Any deleteMetadata(Instant now) {
        return Any.pack(DeleteOperationMetadata.newBuilder()
                .setGenericMetadata(GenericOperationMetadata.newBuilder()
                        .setCreateTime(EmulatedJob.timestamp(now))
                        .setUpdateTime(EmulatedJob.timestamp(now)))
                .build());
    }
}
