package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOB_DOCUMENTS;
import static io.nasql.db.generated.Tables.NAS_JOB_SUMMARIES;
import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;
import static io.nasql.db.generated.Tables.NAS_TRIALS;
import static io.nasql.db.generated.Tables.SYNC_RUNS;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.generated.tables.records.NasJobEventsRecord;
import io.nasql.db.generated.tables.records.NasJobDocumentsRecord;
import io.nasql.db.generated.tables.records.NasJobSummariesRecord;
import io.nasql.db.generated.tables.records.NasTrialsRecord;
import io.nasql.db.generated.tables.records.SyncRunsRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * What sync and the write verbs change in the inventory. Every method is one transaction:
 * it either applies all of its change or, on any exception, none of it.
 */
public final class InventoryStore {
    /** {@code nas_job_events.toState} of a job that left the API. */
    public static final String DELETED = "DELETED";

    private final DSLContext dsl;
    private final Backend backend;
    /** When set, a scope's writes commit only while this worker holds its lease. */
    private final ScopeLeases leases;

    public InventoryStore(Inventory inventory) {
        this(inventory.dsl());
    }

    public InventoryStore(DSLContext dsl) {
        this(dsl, null);
    }

    private InventoryStore(DSLContext dsl, ScopeLeases leases) {
        this.dsl = dsl;
        this.backend = dsl.dialect().family() == SQLDialect.POSTGRES ? Backend.POSTGRESQL : Backend.H2;
        this.leases = leases;
    }

    /** Leases on scopes for one sync worker, in this inventory, timed by the database's clock. */
    public ScopeLeases leases(String worker, Duration ttl) {
        return new ScopeLeases(dsl, worker, ttl);
    }

    /** This store, with every scope write committing only while the worker still holds the scope's lease. */
    public InventoryStore fencedBy(ScopeLeases workerLeases) {
        return new InventoryStore(dsl, workerLeases);
    }

    /** Fences the commit by the lease; a scope's last write ({@code last}) gives the lease back with its commit. */
    private void checkLease(DSLContext tx, ScopeKey scope, boolean last) {
        if (leases != null) {
            leases.checkHeld(tx, scope);
            if (last) {
                leases.releaseIn(tx, scope);
            }
        }
    }

    /**
     * Whether a time the inventory holds is the one the API gave, at the inventory's precision
     * (PostgreSQL keeps microseconds): so an unchanged job is not fetched again on every sync.
     */
    public boolean sameTime(OffsetDateTime stored, OffsetDateTime fromApi) {
        return stored != null && fromApi != null && stored.isEqual(backend.stored(fromApi));
    }

    /**
     * Replaces one scope's snapshot after a complete listing: upserts the changed jobs (from GetNasJob,
     * with trials), removes the jobs the listing no longer has, records each state change, marks the scope OK.
     */
    public ScopeChanges replaceScope(ScopeKey scope, Collection<NasJob> changedJobs, Collection<String> missingIds,
                                     String source, OffsetDateTime at) {
        return replaceScope(scope, batch -> {
            if (!changedJobs.isEmpty()) {
                batch.accept(List.copyOf(changedJobs));
            }
        }, () -> missingIds, source, at);
    }

    /** Changed jobs handed over a batch at a time, so a scope of any size is never held whole. */
    @FunctionalInterface
    public interface JobBatches {
        void forEach(Consumer<List<NasJob>> batch);
    }

    /**
     * As above, with the changed jobs written as they come, inside the one transaction, and the
     * missing ids asked for once they are all in. Whatever {@code changed} throws rolls it all back.
     */
    public ScopeChanges replaceScope(ScopeKey scope, JobBatches changed, Supplier<Collection<String>> missingIds,
                                     String source, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<String, String> states = states(db, inScope(scope));
            int before = states.size();
            int[] written = {0};
            JobCounts counts = new JobCounts(backend);
            changed.forEach(batch -> {
                write(db, backend, scope, batch, states, counts, source, at);
                written[0] += batch.size();
            });
            int added = states.size() - before;
            List<String> gone = missingIds.get().stream().filter(states::containsKey).toList();
            delete(db, scope, gone, states, counts, source, at);
            counts.apply(db, scope);
            markScope(db, scope, ScopeStatus.OK, null, at, states.size());
            checkLease(db, scope, true);
            return new ScopeChanges(added, written[0] - added, gone.size(), states.size());
        });
    }

    /** Upserts one job that a write or a refresh returned. */
    public void putJob(ScopeKey scope, NasJob job, String source, OffsetDateTime at) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            JobCounts counts = new JobCounts(backend);
            write(db, backend, scope, List.of(job), states(db, scope, NasJobRecords.jobId(job)), counts, source, at);
            counts.apply(db, scope);
        });
    }

    /** Removes one job that the API confirmed gone; false when the inventory did not hold it. */
    public boolean removeJob(ScopeKey scope, String nasJobsId, String source, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<String, String> states = states(db, scope, nasJobsId);
            if (!states.containsKey(nasJobsId)) {
                return false;
            }
            JobCounts counts = new JobCounts(backend);
            delete(db, scope, List.of(nasJobsId), states, counts, source, at);
            counts.apply(db, scope);
            return true;
        });
    }

    /** {@code nasJobsId -> updateTime} of a scope, to decide which listed jobs need a GetNasJob. */
    public Map<String, OffsetDateTime> updateTimes(ScopeKey scope) {
        return ScopeRows.known(dsl, scope, null).updateTimes();
    }

    /** A scope's update times, and its RUNNING jobs last read before {@code runningReadBefore}, in one read. */
    public KnownJobs knownJobs(ScopeKey scope, OffsetDateTime runningReadBefore) {
        return ScopeRows.known(dsl, scope, runningReadBefore);
    }

    /** Marks a scope OK whose complete listing matched the inventory: nothing else to write. */
    public void markScopeUnchanged(ScopeKey scope, int jobCount, OffsetDateTime at) {
        if (leases == null) {
            // One statement in auto-commit: its own short transaction.
            markScope(dsl, scope, ScopeStatus.OK, null, at, jobCount);
            return;
        }
        // A plain JDBC transaction: jOOQ's made up much of what an unchanged scope cost (issue 15).
        JdbcTransaction.run(dsl, connection -> {
            ScopeRows.mark(connection, backend == Backend.POSTGRESQL, scope, ScopeStatus.OK, null, at, jobCount);
            leases.checkHeld(connection, scope);
            leases.releaseIn(connection, scope);
        });
    }

    /** Marks a scope FAILED, DENIED, DISABLED or UNSUPPORTED and keeps its rows as they were. */
    public void markScopeFailed(ScopeKey scope, ScopeStatus status, String message, OffsetDateTime at) {
        if (status == ScopeStatus.OK) {
            throw new IllegalArgumentException("a failed scope's status is not OK");
        }
        String fitted = ScopeRows.fitted(Secrets.mask(message));
        if (leases == null) {
            markScope(dsl, scope, status, fitted, at, null);
            return;
        }
        dsl.transaction(tx -> {
            markScope(tx.dsl(), scope, status, fitted, at, null);
            checkLease(tx.dsl(), scope, false);
        });
    }

    /** Remembered locations and UNSUPPORTED scopes. */
    public SyncMemory memory() {
        return new SyncMemory(dsl);
    }

    /** Records one sync run and returns its id. */
    public long recordRun(SyncRunSummary run) {
        SyncRunsRecord r = dsl.newRecord(SYNC_RUNS);
        r.setStartedat(run.startedAt());
        r.setEndedat(run.endedAt());
        r.setStatus(run.status());
        r.setScopesok(run.scopesOk());
        r.setScopesfailed(run.scopesFailed());
        r.setScopesdenied(run.scopesDenied());
        r.setJobsadded(run.jobsAdded());
        r.setJobschanged(run.jobsChanged());
        r.setJobsremoved(run.jobsRemoved());
        r.setApicalls(run.apiCalls());
        r.setWorker(run.worker());
        r.setShard(run.shard());
        r.setScopesheld(run.scopesHeld());
        r.store();
        return r.getRunid();
    }

    /**
     * Upserts jobs with their trials and state changes. The jobs' old summaries go first (their
     * documents and trials with them, by the foreign keys), then every row goes in through one prepared
     * statement per table, so a scope of thousands of jobs is rendered once, not per row.
     */
    private static void write(DSLContext db, Backend backend, ScopeKey scope, Collection<NasJob> jobs, Map<String, String> states,
                              JobCounts counts, String source, OffsetDateTime at) {
        if (jobs.isEmpty()) {
            return;
        }
        List<NasJobSummariesRecord> rows = new ArrayList<>(jobs.size());
        List<NasJobDocumentsRecord> documents = new ArrayList<>(jobs.size());
        List<NasTrialsRecord> trials = new ArrayList<>();
        List<NasJobEventsRecord> events = new ArrayList<>();
        // Only jobs the scope held have old rows: a first sync deletes nothing.
        List<String> old = new ArrayList<>();
        for (NasJob job : jobs) {
            NasJobRecords.JobRows jobRows = NasJobRecords.job(scope, job, at);
            NasJobSummariesRecord row = StoreBatches.atPrecision(backend, jobRows.summary());
            String id = row.getNasjobsid();
            rows.add(row);
            documents.add(jobRows.documents());
            NasJobRecords.trials(scope, job).forEach(t -> trials.add(StoreBatches.atPrecision(backend, t)));
            if (states.containsKey(id)) {
                old.add(id);
            }
            if (!states.containsKey(id) || !Objects.equals(states.get(id), row.getState())) {
                events.add(StoreBatches.event(scope, id, states.get(id), row.getState(), source, at));
            }
            counts.in(row);
            states.put(id, row.getState());
        }
        deleteSummaries(db, scope, old, counts);
        BatchInsert.insert(db, NAS_JOB_SUMMARIES, List.of(NAS_JOB_SUMMARIES.fields()), rows);
        BatchInsert.insert(db, NAS_JOB_DOCUMENTS, List.of(NAS_JOB_DOCUMENTS.fields()), documents);
        BatchInsert.insert(db, NAS_TRIALS, List.of(NAS_TRIALS.fields()), trials);
        BatchInsert.insert(db, NAS_JOB_EVENTS, StoreBatches.EVENT_FIELDS, events);
    }

    /** Deletes summaries (documents and trials go with them), counted out as each deleted row was. */
    private static void deleteSummaries(DSLContext db, ScopeKey scope, List<String> ids, JobCounts counts) {
        for (List<String> chunk : StoreBatches.chunks(ids)) {
            db.deleteFrom(NAS_JOB_SUMMARIES).where(inScope(scope)).and(NAS_JOB_SUMMARIES.NASJOBSID.in(chunk))
                    .returningResult(NAS_JOB_SUMMARIES.STATE, NAS_JOB_SUMMARIES.LABELS, NAS_JOB_SUMMARIES.STARTTIME, NAS_JOB_SUMMARIES.ENDTIME)
                    .fetch().forEach(r -> counts.out(r.value1(), r.value2(), r.value3(), r.value4()));
        }
    }

    private static void delete(DSLContext db, ScopeKey scope, List<String> ids, Map<String, String> states, JobCounts counts,
                               String source, OffsetDateTime at) {
        if (ids.isEmpty()) {
            return;
        }
        List<NasJobEventsRecord> events = new ArrayList<>();
        for (String id : ids) {
            events.add(StoreBatches.event(scope, id, states.remove(id), DELETED, source, at));
        }
        deleteSummaries(db, scope, ids, counts);
        BatchInsert.insert(db, NAS_JOB_EVENTS, StoreBatches.EVENT_FIELDS, events);
    }

    private static void markScope(DSLContext db, ScopeKey scope, ScopeStatus status, String message,
                                  OffsetDateTime at, Integer jobCount) {
        ScopeRows.mark(db, scope, status, message, at, jobCount);
    }

    private static Map<String, String> states(DSLContext db, ScopeKey scope, String id) {
        return states(db, inScope(scope).and(NAS_JOB_SUMMARIES.NASJOBSID.eq(id)));
    }

    private static Map<String, String> states(DSLContext db, Condition where) {
        Map<String, String> states = new HashMap<>();
        db.select(NAS_JOB_SUMMARIES.NASJOBSID, NAS_JOB_SUMMARIES.STATE).from(NAS_JOB_SUMMARIES).where(where).fetch()
                .forEach(r -> states.put(r.value1(), r.value2()));
        return states;
    }

    private static Condition inScope(ScopeKey scope) {
        return NAS_JOB_SUMMARIES.PROJECTSID.eq(scope.projectsId()).and(NAS_JOB_SUMMARIES.LOCATIONSID.eq(scope.locationsId()));
    }
}
