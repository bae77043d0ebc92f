package io.nasql.db;

import java.time.OffsetDateTime;

/**
 * One row of {@code sync_runs}. Status is OK, PARTIAL (some scopes failed) or INTERRUPTED.
 * {@code worker} and {@code shard} say which sync worker ran it; {@code scopesHeld} counts the
 * scopes it left because another worker held them.
 */
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
        long apiCalls,
        String worker,
        String shard,
        int scopesHeld) {

    /** A run of a worker that is the only one. */
    public SyncRunSummary(OffsetDateTime startedAt, OffsetDateTime endedAt, String status, int scopesOk, int scopesFailed,
                          int scopesDenied, int jobsAdded, int jobsChanged, int jobsRemoved, long apiCalls) {
        this(startedAt, endedAt, status, scopesOk, scopesFailed, scopesDenied, jobsAdded, jobsChanged, jobsRemoved, apiCalls,
                null, null, 0);
    }
}
