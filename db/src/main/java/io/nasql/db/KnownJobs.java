package io.nasql.db;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * What a sync needs to know of a scope's stored jobs before it lists them: each job's
 * {@code updateTime}, and the RUNNING jobs last read before the refresh time, whose trials move on
 * whether or not the listing's updateTime says so.
 */
public record KnownJobs(Map<String, OffsetDateTime> updateTimes, Set<String> runningDue) {
}
