package io.nasql.emulator;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Latency, random UNAVAILABLE, per-scope quota and denied projects, applied to each call. */
final class Faults {
    private final EmulatorConfig config;
    private final SplittableRandom random;
    private final Map<String, Window> quota = new ConcurrentHashMap<>();

    private record Window(long index, AtomicLong used) {
    }

    Faults(EmulatorConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** Delays, then throws the fault this call draws, if any. {@code projectId} may be null. */
    void apply(String projectId, String location) throws InterruptedException {
        if (!config.latency().isZero()) {
            Thread.sleep(config.latency().toMillis());
        }
        if (projectId != null && config.denyProjects().contains(projectId)) {
            throw Errors.denied("Permission 'aiplatform.nasJobs.list' denied on resource '//aiplatform.googleapis.com/projects/"
                    + projectId + "' (or it may not exist).");
        }
        if (config.errorRate() > 0 && draw() < config.errorRate()) {
            throw Errors.unavailable("The service is currently unavailable.");
        }
        if (projectId != null && location != null && config.quotaPerWindow() > 0) {
            long index = System.nanoTime() / config.quotaWindow().toNanos();
            Window window = quota.compute(projectId + "/" + location,
                    (k, w) -> w == null || w.index() != index ? new Window(index, new AtomicLong()) : w);
            if (window.used().incrementAndGet() > config.quotaPerWindow()) {
                throw Errors.exhausted("Quota exceeded for quota metric 'Resource management (CRUD) requests' and limit"
                        + " 'Resource management (CRUD) requests per minute per region' of service 'aiplatform.googleapis.com'"
                        + " for consumer 'project_number:" + projectId + "'.");
            }
        }
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
