package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.NasJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The emulator's jobs, by scope and id in a stable order, and its pending delete operations. */
final class JobRegistry {
    private final Map<String, NavigableMap<String, EmulatedJob>> scopes = new ConcurrentHashMap<>();
    private final Map<String, PendingDelete> operations = new ConcurrentHashMap<>();
    private final AtomicLong nextId;
    private final AtomicLong nextOperation = new AtomicLong(4_000_000_000_000_000_000L);

    /** A delete in progress: the job goes when {@code doneAtNanos} has passed. */
    record PendingDelete(String operationName, EmulatedJob job, long doneAtNanos) {
    }

    JobRegistry(long seed) {
        // Job ids are 19 digits, like the real service's; a seed gives each emulator its own range.
        this.nextId = new AtomicLong(1_000_000_000_000_000_000L + Math.floorMod(seed, 1_000_000L) * 1_000_000_000_000L);
    }

    String newJobId() {
        return String.valueOf(nextId.incrementAndGet());
    }

    String newOperationId() {
        return String.valueOf(nextOperation.incrementAndGet());
    }

    void add(EmulatedJob job) {
        scope(job.projectId(), job.location()).put(job.id(), job);
    }

    EmulatedJob get(String projectId, String location, String id) {
        EmulatedJob job = scope(projectId, location).get(id);
        if (job == null) {
            throw ServiceError.NOT_FOUND.of("NasJob", "projects/" + projectId + "/locations/" + location + "/nasJobs/" + id);
        }
        return job;
    }

    /** Up to {@code limit} jobs of a scope after {@code afterId} (null for the first page). */
    List<EmulatedJob> page(String projectId, String location, String afterId, int limit) {
        NavigableMap<String, EmulatedJob> jobs = scope(projectId, location);
        Collection<EmulatedJob> rest = afterId == null ? jobs.values() : jobs.tailMap(afterId, false).values();
        List<EmulatedJob> page = new ArrayList<>(Math.min(limit, 1024));
        for (EmulatedJob job : rest) {
            if (page.size() == limit) {
                break;
            }
            page.add(job);
        }
        return page;
    }

    void startDelete(PendingDelete delete) {
        operations.put(delete.operationName(), delete);
    }

    PendingDelete operation(String name) {
        return operations.get(name);
    }

    /** Removes the jobs of the delete operations whose time has come; called before every request. */
    void completeDueDeletes(long nowNanos) {
        for (PendingDelete delete : operations.values()) {
            if (nowNanos >= delete.doneAtNanos()) {
                scope(delete.job().projectId(), delete.job().location()).remove(delete.job().id(), delete.job());
            }
        }
    }

    /** Every job there is now, in no particular order. */
    List<EmulatedJob> all() {
        List<EmulatedJob> all = new ArrayList<>();
        scopes.values().forEach(jobs -> all.addAll(jobs.values()));
        return all;
    }

    /** Every job of every scope as GetNasJob would return it now: the truth tests compare with. */
    List<NasJob> snapshot(Instant now) {
        List<NasJob> all = new ArrayList<>();
        scopes.values().forEach(jobs -> jobs.values().forEach(j -> all.add(j.view(now, true))));
        return all;
    }

    private NavigableMap<String, EmulatedJob> scope(String projectId, String location) {
        return scopes.computeIfAbsent(projectId + "/" + location, k -> new ConcurrentSkipListMap<>());
    }
}
