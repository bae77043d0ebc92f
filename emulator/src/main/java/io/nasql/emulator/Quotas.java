package io.nasql.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two quotas of the Vertex AI quota page, per (project, region) and window: every call is a
 * CRUD request (600 a minute), and creates, cancels and deletes are also job or LRO submissions
 * (60 a minute). A call refused by one quota is refused whole.
 */
final class Quotas {
    private final EmulatorConfig config;
    private final Map<String, QuotaWindow> crud = new ConcurrentHashMap<>();
    private final Map<String, QuotaWindow> submissions = new ConcurrentHashMap<>();

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

    private boolean take(Map<String, QuotaWindow> windows, String key, int limit) {
        return windows.computeIfAbsent(key, k -> new QuotaWindow(config.quotaWindow(), limit)).take(System.nanoTime());
    }
}
