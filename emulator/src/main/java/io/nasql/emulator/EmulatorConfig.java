package io.nasql.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What the emulator serves and how it misbehaves.
 *
 * @param port              0 for any free port; always bound to 127.0.0.1
 * @param projectIds        seeded projects (any other project id works too, and starts empty)
 * @param locations         served locations; requests elsewhere are INVALID_ARGUMENT
 * @param jobsPerScope      seeded jobs per (project, location)
 * @param seed              makes seed data and faults repeatable
 * @param latency           added to every call
 * @param errorRate         fraction of calls answered UNAVAILABLE
 * @param quotaPerWindow    calls per (project, location) per quota window before RESOURCE_EXHAUSTED; 0 = no quota
 * @param quotaWindow       one minute, as the real quota; shorter in tests
 * @param denyProjects      projects answered PERMISSION_DENIED
 * @param operationDelay    how long (wall time) a delete operation stays not done
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
        Duration operationDelay) {

    public static final List<String> DEFAULT_LOCATIONS = List.of("us-central1", "europe-west4");

    public EmulatorConfig {
        projectIds = List.copyOf(projectIds);
        locations = List.copyOf(locations);
        denyProjects = Set.copyOf(denyProjects);
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("the emulator needs at least one location");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("error rate must be between 0 and 1, not " + errorRate);
        }
    }

    /** No seeded jobs, no faults, the default locations: a blank emulator. */
    public static EmulatorConfig empty() {
        return new EmulatorConfig(0, List.of(), DEFAULT_LOCATIONS, 0, 1, Duration.ZERO, 0, 0,
                Duration.ofMinutes(1), Set.of(), Duration.ofMillis(200));
    }

    /** Project ids {@code proj-001}, {@code proj-002}, ... */
    public static List<String> numberedProjects(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> String.format("proj-%03d", i)).toList();
    }

    public EmulatorConfig withPort(int p) {
        return new EmulatorConfig(p, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow, denyProjects, operationDelay);
    }

    public EmulatorConfig withSeedData(List<String> projects, List<String> locs, int jobs, long s) {
        return new EmulatorConfig(port, projects, locs, jobs, s, latency, errorRate, quotaPerWindow, quotaWindow, denyProjects, operationDelay);
    }

    public EmulatorConfig withLatency(Duration l) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, l, errorRate, quotaPerWindow, quotaWindow, denyProjects, operationDelay);
    }

    public EmulatorConfig withErrorRate(double r) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, r, quotaPerWindow, quotaWindow, denyProjects, operationDelay);
    }

    public EmulatorConfig withQuota(int perWindow, Duration window) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, perWindow, window, denyProjects, operationDelay);
    }

    public EmulatorConfig withDenyProjects(Set<String> deny) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow, deny, operationDelay);
    }

    public EmulatorConfig withOperationDelay(Duration d) {
        return new EmulatorConfig(port, projectIds, locations, jobsPerScope, seed, latency, errorRate, quotaPerWindow, quotaWindow, denyProjects, d);
    }
}
