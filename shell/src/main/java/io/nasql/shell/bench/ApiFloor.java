package io.nasql.shell.bench;

import com.google.cloud.aiplatform.v1.JobServiceClient;
import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.JobServiceClients;
import io.nasql.sync.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The API half of a sync and nothing else, for {@code scripts/bench/sync.sh}: with nasql's own client settings,
 * ListNasJobs for every scope and, in {@code get} mode, GetNasJob for every job listed, {@code CONCURRENCY}
 * scopes at a time; no inventory, no JSON, no rows. What this process costs is a floor under what a sync of the
 * same scopes can cost in a JVM with this client (issue 15). A benchmark tool, not part of the shell: run as
 * {@code java -cp nasql.jar io.nasql.shell.bench.ApiFloor ENDPOINT list|get PROJECTS LOCATIONS CONCURRENCY}, with
 * PROJECTS and LOCATIONS comma-separated, against a plaintext endpoint (the emulator).
 */
public final class ApiFloor {
    private ApiFloor() {
    }

    /** Says what it did through java.util.logging (on stderr): only the shell's Main touches the standard streams. */
    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !List.of("list", "get").contains(args[1])) {
            throw new IllegalArgumentException("usage: ApiFloor ENDPOINT list|get PROJECTS LOCATIONS CONCURRENCY");
        }
        Logger.getLogger(ApiFloor.class.getName()).info(run(args[0], args[1].equals("get"), List.of(args[2].split(",")),
                List.of(args[3].split(",")), Integer.parseInt(args[4])));
    }

    /** Lists every scope (and gets every job listed, when {@code get}); says how many scopes, jobs and calls. */
    static String run(String endpoint, boolean get, List<String> projects, List<String> locations, int concurrency) throws Exception {
        List<String> parents = new ArrayList<>();
        for (String project : projects) {
            for (String location : locations) {
                parents.add("projects/" + project + "/locations/" + location);
            }
        }
        AtomicLong jobs = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try (JobServiceClients clients = new JobServiceClients(ApiTarget.emulator(endpoint), Duration.ofSeconds(60))) {
            List<Future<?>> scopes = new ArrayList<>();
            for (String parent : parents) {
                scopes.add(pool.submit(() -> {
                    JobServiceClient client = clients.forLocation(parent.substring(parent.lastIndexOf('/') + 1));
                    ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent(parent).setPageSize(SyncEngine.PAGE_SIZE).build();
                    for (JobServiceClient.ListNasJobsPage page : client.listNasJobs(request).iteratePages()) {
                        calls.incrementAndGet();
                        for (NasJob job : page.getValues()) {
                            jobs.incrementAndGet();
                            if (get) {
                                client.getNasJob(job.getName());
                                calls.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> scope : scopes) {
                scope.get();
            }
        } finally {
            pool.shutdown();
        }
        return parents.size() + " scopes, " + jobs + " jobs, " + calls + " API calls";
    }
}
