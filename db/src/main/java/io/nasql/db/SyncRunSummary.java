package io.nasql.db;

import java.time.OffsetDateTime;

/** One row of {@code sync_runs}. Status is OK, PARTIAL (some scopes failed) or INTERRUPTED. */
public record SyncRunSummary(
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        String status,
        int scopesOk,
        int scopesFailed,
        int scopesDenied,
        int jobsAdded,
        int jobsChanged,
        int jobsRemoved,
        long apiCalls) {
}
