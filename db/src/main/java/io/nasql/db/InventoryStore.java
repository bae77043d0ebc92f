package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;
import static io.nasql.db.generated.Tables.NAS_TRIALS;
import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.generated.tables.records.NasJobsRecord;
import io.nasql.db.generated.tables.records.SyncRunsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * What sync and the write verbs change in the inventory. Every method is one transaction:
 * it either applies all of its change or, on any exception, none of it.
 */
public final class InventoryStore {
    /** {@code nas_job_events.toState} of a job that left the API. */
    public static final String DELETED = "DELETED";

    private final DSLContext dsl;

    public InventoryStore(Inventory inventory) {
        this(inventory.dsl());
    }

    public InventoryStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces one scope's snapshot after a complete listing: upserts the changed jobs (fresh
     * from GetNasJob, with their trials), removes the jobs the listing no longer has, records
     * each state change, and marks the scope OK.
     */
    public ScopeChanges replaceScope(ScopeKey scope, Collection<NasJob> changedJobs, Collection<String> missingIds,
                                     String source, OffsetDateTime at) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            Map<String, String> states = states(db, scope);
            int added = 0;
            for (NasJob job : changedJobs) {
                if (!states.containsKey(NasJobRecords.jobId(job))) {
                    added++;
                }
                write(db, scope, job, states, source, at);
            }
            int removed = 0;
            for (String id : missingIds) {
                if (states.containsKey(id)) {
                    delete(db, scope, id, states.remove(id), source, at);
                    removed++;
                }
            }
            int jobCount = states.size();
            markScope(db, scope, ScopeStatus.OK, null, at, jobCount);
            return new ScopeChanges(added, changedJobs.size() - added, removed, jobCount);
        });
    }

    /** Upserts one job that a write or a refresh returned. */
    public void putJob(ScopeKey scope, NasJob job, String source, OffsetDateTime at) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            write(db, scope, job, states(db, scope, NasJobRecords.jobId(job)), source, at);
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
            delete(db, scope, nasJobsId, states.get(nasJobsId), source, at);
            return true;
        });
    }

    /** {@code nasJobsId -> updateTime} of a scope, to decide which listed jobs need a GetNasJob. */
    public Map<String, OffsetDateTime> updateTimes(ScopeKey scope) {
        Map<String, OffsetDateTime> times = new HashMap<>();
        dsl.select(NAS_JOBS.NASJOBSID, NAS_JOBS.UPDATETIME)
                .from(NAS_JOBS)
                .where(inScope(scope))
                .fetch()
                .forEach(r -> times.put(r.value1(), r.value2()));
        return times;
    }

    /** Marks a scope FAILED or DENIED and keeps its rows as they were. */
    public void markScopeFailed(ScopeKey scope, ScopeStatus status, String message, OffsetDateTime at) {
        if (status == ScopeStatus.OK) {
            throw new IllegalArgumentException("a failed scope's status is FAILED or DENIED");
        }
        dsl.transaction(tx -> markScope(tx.dsl(), scope, status, message, at, null));
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
        r.store();
        return r.getRunid();
    }

    /** When each scope last synced successfully; scopes never synced are absent. */
    public Map<ScopeKey, OffsetDateTime> lastSuccess(Collection<ScopeKey> scopes) {
        Map<ScopeKey, OffsetDateTime> result = new HashMap<>();
        if (scopes.isEmpty()) {
            return result;
        }
        List<Condition> any = new ArrayList<>();
        scopes.forEach(s -> any.add(SYNC_SCOPES.PROJECTSID.eq(s.projectsId()).and(SYNC_SCOPES.LOCATIONSID.eq(s.locationsId()))));
        dsl.select(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID, SYNC_SCOPES.LASTSUCCESSAT)
                .from(SYNC_SCOPES)
                .where(org.jooq.impl.DSL.or(any))
                .and(SYNC_SCOPES.LASTSUCCESSAT.isNotNull())
                .fetch()
                .forEach(r -> result.put(new ScopeKey(r.value1(), r.value2()), r.value3()));
        return result;
    }

    private static void write(DSLContext db, ScopeKey scope, NasJob job, Map<String, String> states,
                              String source, OffsetDateTime at) {
        NasJobsRecord row = NasJobRecords.job(scope, job, at);
        String id = row.getNasjobsid();
        List<Query> queries = new ArrayList<>();
        queries.add(db.insertInto(NAS_JOBS).set(row).onDuplicateKeyUpdate().set(row));
        queries.add(db.deleteFrom(NAS_TRIALS).where(trialsOf(scope, id)));
        NasJobRecords.trials(scope, job).forEach(t -> queries.add(db.insertInto(NAS_TRIALS).set(t)));
        boolean known = states.containsKey(id);
        String before = states.get(id);
        if (!known || !Objects.equals(before, row.getState())) {
            queries.add(event(db, scope, id, before, row.getState(), source, at));
        }
        db.batch(queries).execute();
        states.put(id, row.getState());
    }

    private static void delete(DSLContext db, ScopeKey scope, String id, String before, String source, OffsetDateTime at) {
        db.batch(
                db.deleteFrom(NAS_JOBS).where(inScope(scope)).and(NAS_JOBS.NASJOBSID.eq(id)),
                event(db, scope, id, before, DELETED, source, at)).execute();
    }

    private static Query event(DSLContext db, ScopeKey scope, String id, String from, String to, String source, OffsetDateTime at) {
        return db.insertInto(NAS_JOB_EVENTS)
                .set(NAS_JOB_EVENTS.PROJECTSID, scope.projectsId())
                .set(NAS_JOB_EVENTS.LOCATIONSID, scope.locationsId())
                .set(NAS_JOB_EVENTS.NASJOBSID, id)
                .set(NAS_JOB_EVENTS.OBSERVEDAT, at)
                .set(NAS_JOB_EVENTS.FROMSTATE, from)
                .set(NAS_JOB_EVENTS.TOSTATE, to)
                .set(NAS_JOB_EVENTS.SOURCE, source);
    }

    private static void markScope(DSLContext db, ScopeKey scope, ScopeStatus status, String message,
                                  OffsetDateTime at, Integer jobCount) {
        var insert = db.insertInto(SYNC_SCOPES)
                .set(SYNC_SCOPES.PROJECTSID, scope.projectsId())
                .set(SYNC_SCOPES.LOCATIONSID, scope.locationsId())
                .set(SYNC_SCOPES.LASTATTEMPTAT, at)
                .set(SYNC_SCOPES.STATUS, status.name())
                .set(SYNC_SCOPES.ERRORMESSAGE, message)
                .set(SYNC_SCOPES.LASTSUCCESSAT, status == ScopeStatus.OK ? at : null)
                .set(SYNC_SCOPES.JOBCOUNT, jobCount);
        var update = insert.onDuplicateKeyUpdate()
                .set(SYNC_SCOPES.LASTATTEMPTAT, at)
                .set(SYNC_SCOPES.STATUS, status.name())
                .set(SYNC_SCOPES.ERRORMESSAGE, message);
        if (status == ScopeStatus.OK) {
            update.set(SYNC_SCOPES.LASTSUCCESSAT, at).set(SYNC_SCOPES.JOBCOUNT, jobCount).execute();
        } else {
            update.execute();
        }
    }

    private static Map<String, String> states(DSLContext db, ScopeKey scope) {
        return states(db, inScope(scope));
    }

    private static Map<String, String> states(DSLContext db, ScopeKey scope, String id) {
        return states(db, inScope(scope).and(NAS_JOBS.NASJOBSID.eq(id)));
    }

    private static Map<String, String> states(DSLContext db, Condition where) {
        Map<String, String> states = new HashMap<>();
        db.select(NAS_JOBS.NASJOBSID, NAS_JOBS.STATE).from(NAS_JOBS).where(where).fetch()
                .forEach(r -> states.put(r.value1(), r.value2()));
        return states;
    }

    private static Condition inScope(ScopeKey scope) {
        return NAS_JOBS.PROJECTSID.eq(scope.projectsId()).and(NAS_JOBS.LOCATIONSID.eq(scope.locationsId()));
    }

    private static Condition trialsOf(ScopeKey scope, String id) {
        return NAS_TRIALS.PROJECTSID.eq(scope.projectsId())
                .and(NAS_TRIALS.LOCATIONSID.eq(scope.locationsId()))
                .and(NAS_TRIALS.NASJOBSID.eq(id));
    }
}
