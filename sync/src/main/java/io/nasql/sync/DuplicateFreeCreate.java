package io.nasql.sync;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CreateNasJob that never makes a second job. After a failure that leaves open whether the
 * service acted (UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN: a connection lost after the
 * request was sent looks like these), it first looks for the job with ListNasJobs' documented
 * filter ({@code display_name}, {@code create_time >=} the first attempt's start less a margin
 * for clock skew, and each label) among jobs the inventory does not hold yet, and adopts the one
 * that is {@link SameJob the same job} as the request. Only when there is none does it send
 * CreateNasJob again; when there are several, it cannot tell which is its own and says so.
 */
final class DuplicateFreeCreate {
    /** Failures after which the job may exist. */
    static final Set<String> AMBIGUOUS = Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN");
    /** How far the service's clock may be behind ours when we ask for jobs created since the attempt. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JobServiceClient client;
    private final CallRunner runner;
    private final InventoryStore store;
    private final Clock clock;
    private final CancelToken cancel;

    DuplicateFreeCreate(JobServiceClient client, CallRunner runner, InventoryStore store, Clock clock, CancelToken cancel) {
        this.client = client;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.cancel = cancel;
    }

    NasJob create(ScopeKey scope, NasJob job) throws InterruptedException {
        Instant start = clock.instant();
        String parent = "projects/" + scope.projectsId() + "/locations/" + scope.locationsId();
        ApiCallException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                // A submission: paced under the job submission quota as well as the CRUD one.
                return runner.submit(scope, () -> client.createNasJob(parent, job), false, cancel);
            } catch (CancelledException e) {
                if (last == null) {
                    throw e;
                }
                // Ctrl-C before the retry: the earlier attempt was sent, and the lookup found it had made nothing.
                throw new ApiCallException(last.code(), last.getMessage() + " (no job was created: ListNasJobs finds none; not retried: cancelled)",
                        last);
            } catch (ApiCallException e) {
                if (!AMBIGUOUS.contains(e.code())) {
                    throw e;
                }
                last = e;
                List<NasJob> made;
                try {
                    made = lookUp(scope, parent, job, start);
                } catch (ApiCallException lookup) {
                    throw new ApiCallException(e.code(), e.getMessage() + " (the job may have been created, and looking for it failed: "
                            + lookup + "; SYNC the scope before you create it again)", e);
                } catch (CancelledException cancelled) {
                    // Ctrl-C starts no lookup, yet the create was sent: its outcome is open, never "not attempted".
                    throw new ApiCallException(e.code(), e.getMessage() + " (the job may have been created: cancelled before"
                            + " ListNasJobs could look for it; SYNC the scope before you create it again)", e);
                }
                if (made.size() > 1) {
                    throw new ApiCallException(e.code(), e.getMessage() + " (the job may have been created: ListNasJobs finds "
                            + made.size() + " jobs just like it that the inventory does not hold; SYNC the scope first)", e);
                }
                if (made.size() == 1) {
                    return made.get(0);
                }
                if (attempt >= runner.maxAttempts()) {
                    throw new ApiCallException(e.code(), e.getMessage() + " (no job was created: ListNasJobs finds none)", e);
                }
                if (runner.backoff(attempt, cancel)) {
                    throw new ApiCallException(e.code(), e.getMessage() + " (no job was created: ListNasJobs finds none; not retried: cancelled)", e);
                }
            }
        }
    }

    /** The jobs a failed attempt may have created: the same job as the request, not in the inventory yet. */
    private List<NasJob> lookUp(ScopeKey scope, String parent, NasJob job, Instant start) throws InterruptedException {
        ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent(parent).setFilter(filter(job, start.minus(CLOCK_SKEW))).build();
        List<NasJob> matches = runner.call(scope, () -> {
            List<NasJob> all = new ArrayList<>();
            client.listNasJobs(request).iterateAll().forEach(all::add);
            return all;
        }, true, cancel);
        Set<String> known = store.updateTimes(scope).keySet();
        return matches.stream()
                .filter(m -> !known.contains(m.getName().substring(m.getName().lastIndexOf('/') + 1)))
                .filter(m -> SameJob.as(job, m))
                .toList();
    }

    /** The ListNasJobs filter that finds a job like {@code job} created at or after {@code since}. */
    static String filter(NasJob job, Instant since) {
        StringBuilder filter = new StringBuilder("display_name=").append(quoted(job.getDisplayName()))
                .append(" AND create_time>=").append(quoted(since.toString()));
        for (Map.Entry<String, String> label : new TreeMap<>(job.getLabelsMap()).entrySet()) {
            filter.append(" AND labels.").append(label.getKey()).append('=').append(quoted(label.getValue()));
        }
        return filter.toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
