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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/** The NAS methods of JobService, GetOperation and the Locations methods, over the registry. */
final class NasJobService {
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final EmulatorConfig config;
    private final EmulatorClock clock;
    private final ProjectDirectory projects;
    private final JobRegistry registry;
    private final Faults faults;

    /** A request's scope with the project resolved to its id. */
    private record Scope(String projectId, String location) {
    }

    NasJobService(EmulatorConfig config, EmulatorClock clock, ProjectDirectory projects, JobRegistry registry) {
        this.config = config;
        this.clock = clock;
        this.projects = projects;
        this.registry = registry;
        this.faults = new Faults(config);
    }

    NasJob createNasJob(CreateNasJobRequest request) throws InterruptedException {
        Scope scope = admit(Names.scope("parent", request.getParent()));
        NasJob asked = RequestValidator.withoutOutputOnly(request.getNasJob());
        List<String> missing = RequestValidator.missingRequired(request.toBuilder().setNasJob(asked), "");
        if (!missing.isEmpty()) {
            throw Errors.invalid("List of found errors:\t" + String.join("", missing.stream()
                    .map(f -> "Field: " + f + "; Message: Required field is not set.\t").toList()));
        }
        String limit = RequestValidator.checkLimits(asked);
        if (limit != null) {
            throw Errors.invalid(limit);
        }
        Instant now = clock.now();
        String id = registry.newJobId();
        String name = "projects/" + projects.numberOf(scope.projectId()) + "/locations/" + scope.location() + "/nasJobs/" + id;
        EmulatedJob job = new EmulatedJob(scope.projectId(), scope.location(), id, name, asked, Timeline.forCreated(now), id.hashCode());
        registry.add(job);
        return job.view(now, true);
    }

    NasJob getNasJob(GetNasJobRequest request) throws InterruptedException {
        Names.Job name = Names.job("name", request.getName());
        Scope scope = admit(name.scope());
        return registry.get(scope.projectId(), scope.location(), name.jobId()).view(clock.now(), true);
    }

    ListNasJobsResponse listNasJobs(ListNasJobsRequest request) throws InterruptedException {
        Scope scope = admit(Names.scope("parent", request.getParent()));
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
        Scope scope = admit(name.scope());
        Instant now = clock.now();
        EmulatedJob job = registry.get(scope.projectId(), scope.location(), name.jobId());
        if (!job.isFinished(now)) {
            throw Errors.precondition("The NasJob " + job.name() + " is in state " + job.state(now).name()
                    + "; only a NasJob in a final state can be deleted. Cancel it first.");
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
        Scope scope = admit(name.scope());
        Instant now = clock.now();
        EmulatedJob job = registry.get(scope.projectId(), scope.location(), name.jobId());
        if (!job.cancel(now)) {
            throw Errors.precondition("The NasJob " + job.name() + " is in state " + job.state(now).name()
                    + " and cannot be cancelled.");
        }
        return Empty.getDefaultInstance();
    }

    NasTrialDetail getNasTrialDetail(GetNasTrialDetailRequest request) throws InterruptedException {
        Names.Trial name = Names.trial("name", request.getName());
        Scope scope = admit(name.job().scope());
        NasJob job = registry.get(scope.projectId(), scope.location(), name.job().jobId()).view(clock.now(), true);
        return job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrialsList().stream()
                .filter(t -> t.getId().equals(name.trialId()))
                .findFirst()
                .map(t -> trialDetail(job, t))
                .orElseThrow(() -> Errors.notFound("NasTrialDetail " + request.getName() + " does not exist."));
    }

    ListNasTrialDetailsResponse listNasTrialDetails(ListNasTrialDetailsRequest request) throws InterruptedException {
        Names.Job name = Names.job("parent", request.getParent());
        Scope scope = admit(name.scope());
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
        admit(name.scope());
        JobRegistry.PendingDelete delete = registry.operation(request.getName());
        if (delete == null) {
            throw Errors.notFound("Operation " + request.getName() + " does not exist.");
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
        String project = projects.resolve(Names.project("name", request.getName()));
        faults.apply(project, null);
        ListLocationsResponse.Builder response = ListLocationsResponse.newBuilder();
        config.locations().forEach(l -> response.addLocations(location(project, l)));
        return response.build();
    }

    Location getLocation(GetLocationRequest request) throws InterruptedException {
        Scope scope = admit(Names.scope("name", request.getName()));
        return location(scope.projectId(), scope.location());
    }

    /** Resolves a request's scope, checks its location, and applies the configured faults. */
    private Scope admit(Names.Scope named) throws InterruptedException {
        registry.completeDueDeletes(System.nanoTime());
        String projectId = projects.resolve(named.project());
        if (!config.locations().contains(named.location())) {
            throw Errors.invalid("Location '" + named.location() + "' is not served by this emulator; it serves "
                    + String.join(", ", config.locations()) + ".");
        }
        faults.apply(projectId, named.location());
        return new Scope(projectId, named.location());
    }

    private static int pageSize(int asked) {
        if (asked < 0) {
            throw Errors.invalid("page_size must not be negative, not " + asked);
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
        throw Errors.invalid("Invalid page_token '" + token + "'.");
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
