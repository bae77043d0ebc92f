package io.nasql.sync;

import io.nasql.db.SyncRunSummary;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** What a sync run did, scope by scope, with its totals. */
public record SyncReport(List<ScopeOutcome> outcomes, long apiCalls, Duration elapsed, boolean interrupted) {

    public SyncReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(ScopeOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public int added() {
        return outcomes.stream().filter(o -> o.changes() != null).mapToInt(o -> o.changes().added()).sum();
    }

    public int changed() {
        return outcomes.stream().filter(o -> o.changes() != null).mapToInt(o -> o.changes().changed()).sum();
    }

    public int removed() {
        return outcomes.stream().filter(o -> o.changes() != null).mapToInt(o -> o.changes().removed()).sum();
    }

    /**
     * The scopes that failed, were denied or found the API disabled, for the summary and the exit
     * code. UNSUPPORTED is not among them: NAS not offered in a region is an answer, not a failure.
     */
    public List<ScopeOutcome> problems() {
        return outcomes.stream()
                .filter(o -> o.status() == ScopeOutcome.Status.FAILED || o.status() == ScopeOutcome.Status.DENIED
                        || o.status() == ScopeOutcome.Status.DISABLED)
                .toList();
    }

    /** {@code sync_runs.status}: OK, PARTIAL when some scope failed, or INTERRUPTED. */
    public String runStatus() {
        return interrupted ? "INTERRUPTED" : problems().isEmpty() ? "OK" : "PARTIAL";
    }

    /**
     * The run's row for {@code sync_runs}, for the worker that ran it; DISABLED scopes count as denied
     * there, HELD ones (another worker had them) as held.
     */
    public SyncRunSummary runSummary(OffsetDateTime started, OffsetDateTime ended, SyncWorker worker) {
        return new SyncRunSummary(started, ended, runStatus(), (int) count(ScopeOutcome.Status.OK), (int) count(ScopeOutcome.Status.FAILED),
                (int) (count(ScopeOutcome.Status.DENIED) + count(ScopeOutcome.Status.DISABLED)), added(), changed(), removed(), apiCalls(),
                worker.id(), worker.shard().equals(Shard.ALL) ? null : worker.shard().toString(), (int) count(ScopeOutcome.Status.HELD));
    }
}
