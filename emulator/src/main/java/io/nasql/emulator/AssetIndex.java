package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.NasJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cloud Asset Inventory knows of the jobs: the same jobs, {@code lag} behind. A job created
 * less than the lag ago is not there yet; a job gone from the API stays for the lag after the
 * index first notices, as the real inventory is eventually consistent.
 */
final class AssetIndex {
    private final JobRegistry registry;
    private final Duration lag;
    private final Map<String, Entry> known = new HashMap<>();

    /** A job the index has seen: its owner, its last view, and when it was seen gone (0 while it exists). */
    record Entry(String projectId, String location, NasJob view, long goneAtNanos) {
    }

    AssetIndex(JobRegistry registry, Duration lag) {
        this.registry = registry;
        this.lag = lag;
    }

    /** The jobs the inventory holds at this instant, sorted by name. */
    synchronized List<Entry> visible(Instant now, long nowNanos) {
        registry.completeDueDeletes(nowNanos);
        Set<String> present = new HashSet<>();
        for (EmulatedJob job : registry.all()) {
            present.add(job.name());
            known.put(job.name(), new Entry(job.projectId(), job.location(), job.view(now, false), 0));
        }
        known.replaceAll((name, e) -> present.contains(name) || e.goneAtNanos() != 0 ? e
                : new Entry(e.projectId(), e.location(), e.view(), nowNanos));
        known.values().removeIf(e -> e.goneAtNanos() != 0 && nowNanos - e.goneAtNanos() >= lag.toNanos());
        Instant cutoff = now.minus(lag);
        List<Entry> visible = new ArrayList<>();
        for (Entry e : known.values()) {
            Instant created = Instant.ofEpochSecond(e.view().getCreateTime().getSeconds(), e.view().getCreateTime().getNanos());
            if (e.goneAtNanos() != 0 || !created.isAfter(cutoff)) {
                visible.add(e);
            }
        }
        visible.sort((a, b) -> a.view().getName().compareTo(b.view().getName()));
        return visible;
    }
}
