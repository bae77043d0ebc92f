package io.nasql.emulator;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the emulator serves and how it misbehaves.
 *
 * @param port              0 for any free port; always bound to 127.0.0.1
 * @param projectIds        seeded projects
 * @param locations         locations where NAS is offered; the other Vertex AI regions are listed but refuse NAS calls
 * @param jobsPerScope      seeded jobs per (project, location)
 * @param seed              makes seed data and faults repeatable
 * @param latency           added to every call
 * @param errorRate         fraction of calls answered UNAVAILABLE
 * @param quotaPerWindow    CRUD requests per (project, region) per quota window before RESOURCE_EXHAUSTED; 0 = no quota
 * @param quotaWindow       one minute, as the real quota; shorter in tests
 * @param denyProjects      projects whose every call is PERMISSION_DENIED (the caller lacks the permission); an entry
 *                          {@code P/L} denies only location L of project P, as an IAM condition on one location does
 * @param operationDelay    how long (wall time) a delete operation stays not done
 * @param emptyProjects     projects that exist but hold no seeded jobs; any project not known is PERMISSION_DENIED
 * @param disabledProjects  projects with the Vertex AI API disabled: PERMISSION_DENIED with ErrorInfo SERVICE_DISABLED
 * @param submitQuotaPerWindow job or LRO submissions (create, cancel, delete) per (project, region) per window; 0 = none
 * @param cancelTakes       how long (job clock) a job stays CANCELLING
 * @param cancelIgnoredRate fraction of cancels that come too late: the job still ends SUCCEEDED or FAILED
 */
public record EmulatorConfig(
        int port,
        List<String> projectIds,
        List<String> locations,
        int jobsPerScope,
        long seed,
        Duration latency,
        double errorRate,
        int quotaPerWindow,
        Duration quotaWindow,
        Set<String> denyProjects,
        Duration operationDelay,
        Set<String> emptyProjects,
        Set<String> disabledProjects,
        int submitQuotaPerWindow,
        Duration cancelTakes,
        double cancelIgnoredRate) {

    public static final List<String> DEFAULT_LOCATIONS = List.of("us-central1", "europe-west4");
    /** The quota page's CRUD limit: 600 requests per minute per project and region. */
    public static final int CRUD_PER_MINUTE = 600;
    /** The quota page's limit on job or long-running-operation submissions: 60 per minute per project and region. */
    public static final int SUBMISSIONS_PER_MINUTE = 60;

    public EmulatorConfig {
        projectIds = List.copyOf(projectIds);
        locations = List.copyOf(locations);
        denyProjects = Set.copyOf(denyProjects);
        emptyProjects = Set.copyOf(emptyProjects);
        disabledProjects = Set.copyOf(disabledProjects);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("the emulator needs at least one location");
        }
        if (errorRate < 0 || errorRate > 1 || cancelIgnoredRate < 0 || cancelIgnoredRate > 1) {
            throw new IllegalArgumentException("rates are fractions between 0 and 1");
        }
    }

    /** No projects, no seeded jobs, no faults, the real quotas, the default locations: a blank emulator. */
    public static EmulatorConfig empty() {
        return new EmulatorConfig(0, List.of(), DEFAULT_LOCATIONS, 0, 1, Duration.ZERO, 0, CRUD_PER_MINUTE,
                Duration.ofMinutes(1), Set.of(), Duration.ofMillis(200), Set.of(), Set.of(), SUBMISSIONS_PER_MINUTE,
                Duration.ofSeconds(2), 0);
    }

    /** Project ids {@code proj-001}, {@code proj-002}, ... */
    public static List<String> numberedProjects(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> String.format("proj-%03d", i)).toList();
    }

    /** Every project the emulator knows, seeded or not. */
    public Set<String> knownProjects() {
        Set<String> known = new LinkedHashSet<>(projectIds);
        known.addAll(emptyProjects);
        denyProjects.forEach(d -> known.add(d.contains("/") ? d.substring(0, d.indexOf('/')) : d));
        known.addAll(disabledProjects);
        return known;
    }

    public EmulatorConfig withPort(int p) {
        return new EmulatorConfig(p, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withSeedData(List<String> projects, List<String> locs, int jobs, long s) {
        return new EmulatorConfig(port, projects, locs, jobs, s, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withLatency(Duration l) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, l, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withErrorRate(double r) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, r, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    /** The CRUD quota: calls per (project, region) per window; 0 turns it off. */
    public EmulatorConfig withQuota(int perWindow, Duration window) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, perWindow, window,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    /** The submission quota (create, cancel, delete) per (project, region) per quota window; 0 turns it off. */
    public EmulatorConfig withSubmitQuota(int perWindow) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, perWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withDenyProjects(Set<String> deny) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                deny, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withOperationDelay(Duration d) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, d, emptyProjects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    /** Projects that exist without seeded jobs. */
    public EmulatorConfig withEmptyProjects(Set<String> projects) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, projects, disabledProjects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    public EmulatorConfig withDisabledApi(Set<String> projects) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, projects, submitQuotaPerWindow, cancelTakes, cancelIgnoredRate);
    }

    /** How long cancelling takes, and the fraction of cancels after which the job still ends SUCCEEDED or FAILED. */
    public EmulatorConfig withCancellation(Duration takes, double ignoredRate) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow,
                denyProjects, operationDelay, emptyProjects, disabledProjects, submitQuotaPerWindow, takes, ignoredRate);
    }
}
