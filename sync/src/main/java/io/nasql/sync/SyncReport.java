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

    /** The scopes that failed or were denied, for the summary and the exit code. */
    public List<ScopeOutcome> problems() {
        return outcomes.stream()
                .filter(o -> o.status() == ScopeOutcome.Status.FAILED || o.status() == ScopeOutcome.Status.DENIED)
                .toList();
    }

    /** The run's {@code sync_runs} row, for the worker that ran it. */
    public SyncRunSummary runRow(OffsetDateTime started, OffsetDateTime ended, SyncWorker worker) {
        return new SyncRunSummary(started, ended, runStatus(), (int) count(ScopeOutcome.Status.OK),
                (int) count(ScopeOutcome.Status.FAILED), (int) count(ScopeOutcome.Status.DENIED), added(), changed(), removed(),
                apiCalls, worker.id(), worker.shard().equals(Shard.ALL) ? null : worker.shard().toString(),
                (int) count(ScopeOutcome.Status.HELD));
    }

    /** {@code sync_runs.status}: OK, PARTIAL when some scope failed, or INTERRUPTED. */
    public String runStatus() {
        return interrupted ? "INTERRUPTED" : problems().isEmpty() ? "OK" : "PARTIAL";
    }
}
