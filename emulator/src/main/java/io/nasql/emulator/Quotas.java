package io.nasql.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two quotas of the Vertex AI quota page, per (project, region) and window: every call is a
 * CRUD request (600 a minute), and creates, cancels and deletes are also job or LRO submissions
 * (60 a minute). A call refused by one quota is refused whole.
 */
final class Quotas {
    private final EmulatorConfig config;
    private final Map<String, Window> crud = new ConcurrentHashMap<>();
    private final Map<String, Window> submissions = new ConcurrentHashMap<>();

    private record Window(long index, AtomicLong used) {
    }

    Quotas(EmulatorConfig config) {
        this.config = config;
    }

    void charge(String projectId, String projectNumber, String location, ApiMethod method) {
        String key = projectId + "/" + location;
        if (config.quotaPerWindow() > 0 && !take(crud, key, config.quotaPerWindow())) {
            throw ServiceError.CRUD_QUOTA.withInfo("RATE_LIMIT_EXCEEDED", "googleapis.com",
                    Map.of("service", "aiplatform.googleapis.com", "consumer", "projects/" + projectNumber), projectNumber);
        }
        if (method.submission() && config.submitQuotaPerWindow() > 0 && !take(submissions, key, config.submitQuotaPerWindow())) {
            throw ServiceError.SUBMIT_QUOTA.withInfo("RATE_LIMIT_EXCEEDED", "googleapis.com",
                    Map.of("service", "aiplatform.googleapis.com", "consumer", "projects/" + projectNumber), projectNumber);
        }
    }

    private boolean take(Map<String, Window> windows, String key, int limit) {
        long index = System.nanoTime() / config.quotaWindow().toNanos();
        Window window = windows.compute(key, (k, w) -> w == null || w.index() != index ? new Window(index, new AtomicLong()) : w);
        return window.used().incrementAndGet() <= limit;
    }
}
