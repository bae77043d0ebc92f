package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOBS;
import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;
import static io.nasql.db.generated.Tables.NAS_TRIALS;
import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Timestamp;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The same store on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class InventoryStoreTest {
    private static final ScopeKey SCOPE = new ScopeKey("proj-a", "us-central1");
    private static final ScopeKey OTHER = new ScopeKey("proj-b", "us-central1");
    private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime T2 = T1.plusMinutes(5);

    @Parameter
    Backend backend;

    private Inventory inventory;
    private InventoryStore store;
    private DSLContext dsl;

    @BeforeEach
    void open() {
        inventory = TestInventories.fresh(backend);
        store = new InventoryStore(inventory);
        dsl = inventory.dsl();
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void aReplaceAddsChangesAndRemovesRowsAndRecordsStateChanges() {
        store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "2", JobState.JOB_STATE_QUEUED, 100),
                TestJobs.job(SCOPE, "3", JobState.JOB_STATE_SUCCEEDED, 100)), List.of(), "sync", T1);
        store.replaceScope(OTHER, List.of(TestJobs.job(OTHER, "9", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);

        ScopeChanges changes = store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 200),
                TestJobs.job(SCOPE, "4", JobState.JOB_STATE_PENDING, 200)), List.of("2"), "sync", T2);

        assertThat(changes).isEqualTo(new ScopeChanges(1, 1, 1, 3));
        assertThat(dsl.select(NAS_JOBS.NASJOBSID, NAS_JOBS.STATE).from(NAS_JOBS).where(NAS_JOBS.PROJECTSID.eq("proj-a"))
                .orderBy(NAS_JOBS.NASJOBSID).fetch().map(r -> r.value1() + "=" + r.value2()))
                .containsExactly("1=JOB_STATE_SUCCEEDED", "3=JOB_STATE_SUCCEEDED", "4=JOB_STATE_PENDING");
        assertThat(dsl.fetchCount(NAS_JOBS, NAS_JOBS.PROJECTSID.eq("proj-b"))).isEqualTo(1);
        assertThat(dsl.selectFrom(NAS_JOB_EVENTS).where(NAS_JOB_EVENTS.OBSERVEDAT.eq(T2)).orderBy(NAS_JOB_EVENTS.NASJOBSID).fetch()
                .map(e -> e.getNasjobsid() + ":" + e.getFromstate() + "->" + e.getTostate()))
                .containsExactly("1:JOB_STATE_RUNNING->JOB_STATE_SUCCEEDED", "2:JOB_STATE_QUEUED->DELETED", "4:null->JOB_STATE_PENDING");
        var scopeRow = dsl.selectFrom(SYNC_SCOPES).where(SYNC_SCOPES.PROJECTSID.eq("proj-a")).fetchOne();
        assertThat(scopeRow.getStatus()).isEqualTo("OK");
        assertThat(scopeRow.getJobcount()).isEqualTo(3);
        assertThat(scopeRow.getLastsuccessat()).isEqualTo(T2);
    }

    @Test
    void theJobCountsFollowEveryReplacePutAndRemoveAndARolledBackOneLeavesThemAsTheyWere() {
        store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "2", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "3", JobState.JOB_STATE_QUEUED, 100)), List.of(), "sync", T1);
        store.replaceScope(OTHER, List.of(TestJobs.job(OTHER, "9", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);
        assertThat(counts()).containsExactly("proj-a/JOB_STATE_QUEUED=1", "proj-a/JOB_STATE_RUNNING=2", "proj-b/JOB_STATE_RUNNING=1");

        // A job changes state, one is gone, one is new; the queued state has no job left, so no row.
        store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 200),
                TestJobs.job(SCOPE, "4", JobState.JOB_STATE_RUNNING, 200)), List.of("3"), "sync", T2);
        store.putJob(SCOPE, TestJobs.job(SCOPE, "5", JobState.JOB_STATE_PENDING, 300), "insert", T2);
        store.putJob(SCOPE, TestJobs.job(SCOPE, "2", JobState.JOB_STATE_CANCELLED, 300), "cancel", T2);
        store.removeJob(OTHER, "9", "delete", T2);
        assertThat(store.removeJob(OTHER, "9", "delete", T2)).isFalse();
        assertThat(counts()).containsExactly("proj-a/JOB_STATE_CANCELLED=1", "proj-a/JOB_STATE_PENDING=1",
                "proj-a/JOB_STATE_RUNNING=1", "proj-a/JOB_STATE_SUCCEEDED=1");
        assertThat(counts()).isEqualTo(countedFromTheJobs());

        assertThatThrownBy(() -> store.replaceScope(SCOPE, batch -> {
            batch.accept(List.of(TestJobs.job(SCOPE, "6", JobState.JOB_STATE_FAILED, 400)));
            throw new IllegalStateException("the listing broke off");
        }, List::of, "sync", T2)).hasMessageContaining("broke off");
        assertThat(counts()).isEqualTo(countedFromTheJobs()).hasSize(4);
    }

    @Test
    void aWriteCommittedToTheSameJobsWhileASyncOfTheScopeIsOpenIsCountedOnceAndDoesNotWaitForIt() throws Exception {
        store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "2", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "3", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);

        // The sync has read the scope's states; the shell cancels job 1 and deletes job 2, each committed at once
        // (a count row held by the open sync would make them wait). Then the sync writes job 1 as cancelled and
        // finds job 2 missing, as the API now says.
        store.replaceScope(SCOPE, batch -> {
            try {
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                    store.putJob(SCOPE, TestJobs.job(SCOPE, "1", JobState.JOB_STATE_CANCELLED, 300), "cancel", T2);
                    store.removeJob(SCOPE, "2", "delete", T2);
                }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the shell's write waited for the sync: " + e, e);
            }
            batch.accept(List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_CANCELLED, 300)));
        }, () -> List.of("2"), "sync", T2);

        assertThat(counts()).containsExactly("proj-a/JOB_STATE_CANCELLED=1", "proj-a/JOB_STATE_RUNNING=1")
                .isEqualTo(countedFromTheJobs());
    }

    @Test
    void aWriteThatAddsAStatesFirstJobWhileAnotherTransactionAddsItsOwnWaitsAndIsCounted() throws Exception {
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);
        // Another transaction has counted the scope's first cancelled job and not committed yet.
        writeWhileAnotherTransactionHolds("INSERT INTO \"aiplatform\".\"nas_job_counts\" VALUES ('proj-a', 'us-central1', 'JOB_STATE_CANCELLED', 5)",
                "nas_job_counts", () -> store.putJob(SCOPE, TestJobs.job(SCOPE, "2", JobState.JOB_STATE_CANCELLED, 300), "insert", T2));
        assertThat(counts()).containsExactly("proj-a/JOB_STATE_CANCELLED=6", "proj-a/JOB_STATE_RUNNING=1");
    }

    @Test
    void theLabelCountsFollowEveryChangeWithTheRunningTimesToTheStoredPrecision() {
        NasJob nlpRunning = timed(labelled(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100), "nlp"), 1_700_000_000L, null);
        NasJob nlpDone = timed(labelled(TestJobs.job(SCOPE, "2", JobState.JOB_STATE_SUCCEEDED, 100), "nlp"), 1_700_000_010L, 1_700_003_610L);
        NasJob unlabelled = timed(TestJobs.job(SCOPE, "3", JobState.JOB_STATE_RUNNING, 100).toBuilder().clearLabels().build(), 1_700_000_020L, null);
        NasJob notStarted = labelled(TestJobs.job(OTHER, "9", JobState.JOB_STATE_QUEUED, 100), "nlp");
        store.replaceScope(SCOPE, List.of(nlpRunning, nlpDone, unlabelled), List.of(), "sync", T1);
        store.replaceScope(OTHER, List.of(notStarted), List.of(), "sync", T1);
        String started = backend == Backend.H2 ? "1700000000.123456789" : "1700000000.123456";
        // Per scope and label set: jobs, running, failed, open, the sum of open starts, the sum of ended run times.
        assertThat(labelCounts()).containsExactly("proj-a/{\"team\":\"nlp\"}=2,1,0,1," + started + ",3600",
                        "proj-a/{}=1,1,0,1," + started.replace("00000000.", "00000020.") + ",0", "proj-b/{\"team\":\"nlp\"}=1,0,0,0,0,0")
                .isEqualTo(labelCountedFromTheJobs());

        // The running job ends, the finished one is relabelled, the unlabelled one is gone, the queued one starts.
        store.replaceScope(SCOPE, List.of(
                timed(labelled(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_FAILED, 200), "nlp"), 1_700_000_000L, 1_700_000_100L),
                timed(labelled(TestJobs.job(SCOPE, "2", JobState.JOB_STATE_SUCCEEDED, 200), "vision"), 1_700_000_010L, 1_700_003_610L)),
                List.of("3"), "sync", T2);
        store.putJob(OTHER, timed(labelled(TestJobs.job(OTHER, "9", JobState.JOB_STATE_RUNNING, 200), "nlp"), 1_700_000_500L, null), "refresh", T2);
        assertThat(labelCounts()).containsExactly("proj-a/{\"team\":\"nlp\"}=1,0,1,0,0,100", "proj-a/{\"team\":\"vision\"}=1,0,0,0,0,3600",
                "proj-b/{\"team\":\"nlp\"}=1,1,0,1," + started.replace("00000000.", "00000500.") + ",0").isEqualTo(labelCountedFromTheJobs());

        assertThatThrownBy(() -> store.replaceScope(OTHER, batch -> {
            batch.accept(List.of(labelled(TestJobs.job(OTHER, "8", JobState.JOB_STATE_FAILED, 400), "audio")));
            throw new IllegalStateException("the listing broke off");
        }, List::of, "sync", T2)).hasMessageContaining("broke off");
        assertThat(labelCounts()).hasSize(3).isEqualTo(labelCountedFromTheJobs());

        store.replaceScope(SCOPE, List.of(), List.of("1", "2"), "sync", T2);
        store.removeJob(OTHER, "9", "delete", T2);
        assertThat(labelCounts()).isEmpty();
    }

    @Test
    void aScopesLabelCountsNeverWaitForAnotherScopesOpenTransaction() throws Exception {
        try (java.sql.Connection other = inventory.connection()) {
            other.setAutoCommit(false);
            // Another scope's sync has counted a job with the same labels and not committed yet.
            String labels = backend == Backend.H2 ? "'{\"team\":\"vision\"}' FORMAT JSON" : "'{\"team\":\"vision\"}'::jsonb";
            try (var s = other.createStatement()) {
                s.execute("INSERT INTO \"aiplatform\".\"nas_job_label_counts\" VALUES ('" + OTHER.projectsId() + "', '"
                        + OTHER.locationsId() + "', " + labels + ", 1, 1, 0, 0, 0, 0)");
            }
            // With one row per label set for all scopes, this waited for it (32 sync threads queued past the lock timeout).
            java.util.concurrent.CompletableFuture.runAsync(() ->
                    store.putJob(SCOPE, TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100), "sync", T1))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            other.rollback();
        }
        assertThat(labelCounts()).containsExactly("proj-a/{\"team\":\"vision\"}=1,1,0,0,0,0");
    }

    @Test
    void aWriteThatAddsALabelSetsFirstJobWhileAnotherTransactionAddsItsOwnWaitsAndIsCounted() throws Exception {
        String labels = backend == Backend.H2 ? "'{\"team\":\"vision\"}' FORMAT JSON" : "'{\"team\":\"vision\"}'::jsonb";
        writeWhileAnotherTransactionHolds("INSERT INTO \"aiplatform\".\"nas_job_label_counts\" VALUES ('proj-a', 'us-central1', " + labels
                + ", 5, 0, 0, 0, 0, 0)", "nas_job_label_counts", () -> store.putJob(SCOPE, TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100), "insert", T1));
        assertThat(labelCounts()).containsExactly("proj-a/{\"team\":\"vision\"}=6,1,0,0,0,0");
    }

    @Test
    void twoWritesThatSwapLabelSetsInOneScopeTakeTheirRowsInOneOrder() throws Exception {
        // H2 returns the labels in the store's text: nothing to reorder there, and its lock wait would only add time.
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == Backend.POSTGRESQL);
        // PostgreSQL returns {"aa":"1","z":"1"} as {"z": "1", "aa": "1"}: keyed by that text, the job leaving A was
        // counted after B and the job entering A before it, and the two writes deadlocked.
        NasJob a = TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100).toBuilder().clearLabels().putLabels("aa", "1").putLabels("z", "1").build();
        NasJob b = TestJobs.job(SCOPE, "2", JobState.JOB_STATE_RUNNING, 100).toBuilder().clearLabels().putLabels("m", "1").build();
        store.replaceScope(SCOPE, List.of(a, b), List.of(), "sync", T1);
        String labelsA = "'{\"aa\":\"1\",\"z\":\"1\"}'::jsonb";
        try (java.sql.Connection holder = inventory.connection()) {
            holder.setAutoCommit(false);
            // Set A's row is held, so that both writes line up behind it.
            try (var s = holder.createStatement()) {
                s.executeQuery("SELECT \"jobs\" FROM \"aiplatform\".\"nas_job_label_counts\" WHERE \"labels\" = " + labelsA + " FOR UPDATE").close();
            }
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            // First in line for A, the job entering A (it takes A, then B); second, the job leaving A, which takes B first
            // when it keys A by PostgreSQL's text. Released, the first takes A and waits for B: a deadlock, unless both
            // take A first.
            List<Thread> writers = List.of(
                    new Thread(() -> store.putJob(SCOPE, b.toBuilder().clearLabels().putLabels("aa", "1").putLabels("z", "1").build(), "insert", T2)),
                    new Thread(() -> store.putJob(SCOPE, a.toBuilder().clearLabels().putLabels("m", "1").build(), "insert", T2)));
            String waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
            int started = 0;
            for (Thread writer : writers) {
                writer.setUncaughtExceptionHandler((t, e) -> failure.set(e));
                writer.start();
                started++;
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (writer.isAlive() && System.nanoTime() < deadline && ((Number) dsl.fetchValue(waiting)).longValue() < started) {
                    Thread.sleep(5);
                }
            }
            holder.commit();
            for (Thread writer : writers) {
                writer.join(30_000);
            }
            assertThat(failure.get()).as("a write").isNull();
        }
        assertThat(labelCounts()).containsExactly("proj-a/{\"aa\":\"1\",\"z\":\"1\"}=1,1,0,0,0,0", "proj-a/{\"m\":\"1\"}=1,1,0,0,0,0")
                .isEqualTo(labelCountedFromTheJobs());
    }

    @Test
    void labelsTheStoreNeverWritesAreCountedOutAsStored() {
        // Rows made by hand: numbers that JSON text could write another way, and labels that are not an object.
        for (String labels : List.of("{\"a\": 1.10}", "[1]", "\"x\"", "{\"a\": {\"b\": null}}")) {
            store.putJob(SCOPE, TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100), "insert", T1);
            String value = backend == Backend.H2 ? "'" + labels + "' FORMAT JSON" : "'" + labels + "'::jsonb";
            dsl.execute("UPDATE \"aiplatform\".\"nas_job_summaries\" SET \"labels\" = " + value);
            dsl.execute("UPDATE \"aiplatform\".\"nas_job_label_counts\" SET \"labels\" = " + value);
            store.removeJob(SCOPE, "1", "delete", T2);
            assertThat(labelCounts()).as(labels).isEmpty();
        }
    }

    /**
     * Runs {@code write} while another transaction holds the uncommitted row {@code held} inserted into the count table
     * {@code table}; commits that transaction once the write waits for it (as the database reports), and checks that
     * the write then succeeds: it looks again at the row that is now there.
     */
    private void writeWhileAnotherTransactionHolds(String held, String table, Runnable write) throws Exception {
        try (java.sql.Connection other = inventory.connection()) {
            other.setAutoCommit(false);
            try (var s = other.createStatement()) {
                s.execute(held);
            }
            Thread writer = new Thread(write);
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            writer.setUncaughtExceptionHandler((t, e) -> failure.set(e));
            writer.start();
            String waiting = backend == Backend.H2
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE 'MERGE INTO \"aiplatform\".\"" + table + "\"%'"
                    : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (writer.isAlive() && System.nanoTime() < deadline && ((Number) dsl.fetchValue(waiting)).longValue() == 0) {
                Thread.sleep(5);
            }
            other.commit();
            writer.join(30_000);
            assertThat(failure.get()).as("the write").isNull();
        }
    }

    private static NasJob labelled(NasJob job, String team) {
        return job.toBuilder().clearLabels().putLabels("team", team).build();
    }

    /** With a start (and an end, when not null) at a nanosecond PostgreSQL rounds away. */
    private static NasJob timed(NasJob job, long startSeconds, Long endSeconds) {
        NasJob.Builder timed = job.toBuilder().setStartTime(Timestamp.newBuilder().setSeconds(startSeconds).setNanos(123_456_789));
        if (endSeconds != null) {
            timed.setEndTime(Timestamp.newBuilder().setSeconds(endSeconds).setNanos(123_456_789));
        }
        return timed.build();
    }

    private List<String> labelCounts() {
        return labelRows("SELECT \"projectsId\", \"labels\", \"jobs\", \"runningJobs\", \"failedJobs\", \"openJobs\","
                + " \"openStartSeconds\", \"endedSeconds\" FROM \"aiplatform\".\"nas_job_label_counts\"");
    }

    /** What V12 would count from the jobs as they are now. */
    private List<String> labelCountedFromTheJobs() {
        String none = backend == Backend.H2 ? "JSON '{}'" : "'{}'::jsonb";
        return labelRows("SELECT \"projectsId\", COALESCE(\"labels\", " + none + "), COUNT(*),"
                + " COUNT(CASE WHEN \"state\" = 'JOB_STATE_RUNNING' THEN 1 END), COUNT(CASE WHEN \"state\" = 'JOB_STATE_FAILED' THEN 1 END),"
                + " COUNT(CASE WHEN \"endTime\" IS NULL THEN \"startTime\" END),"
                + " COALESCE(SUM(CASE WHEN \"endTime\" IS NULL THEN EXTRACT(EPOCH FROM \"startTime\") END), 0),"
                + " COALESCE(SUM(EXTRACT(EPOCH FROM \"endTime\") - EXTRACT(EPOCH FROM \"startTime\")), 0)"
                + " FROM \"aiplatform\".\"nas_job_summaries\" GROUP BY \"projectsId\", \"locationsId\", COALESCE(\"labels\", " + none + ")");
    }

    private List<String> labelRows(String sql) {
        return dsl.fetch(sql).stream()
                .map(r -> r.get(0) + "/" + r.get(1).toString().replace(": ", ":") + "=" + r.get(2) + "," + r.get(3) + "," + r.get(4) + ","
                        + r.get(5) + "," + new BigDecimal(r.get(6).toString()).stripTrailingZeros().toPlainString() + ","
                        + new BigDecimal(r.get(7).toString()).stripTrailingZeros().toPlainString())
                .sorted().toList();
    }

    private List<String> counts() {
        return dsl.fetch("SELECT \"projectsId\", \"state\", \"jobs\" FROM \"aiplatform\".\"nas_job_counts\""
                + " ORDER BY \"projectsId\", \"locationsId\", \"state\"").map(r -> r.get(0) + "/" + r.get(1) + "=" + r.get(2));
    }

    private List<String> countedFromTheJobs() {
        return dsl.fetch("SELECT \"projectsId\", \"state\", COUNT(*) FROM \"aiplatform\".\"nas_job_summaries\""
                + " GROUP BY \"projectsId\", \"locationsId\", \"state\" ORDER BY \"projectsId\", \"locationsId\", \"state\"")
                .map(r -> r.get(0) + "/" + r.get(1) + "=" + r.get(2));
    }

    @Test
    void objectFieldsAreStoredAsProtoJsonAndTimesInUtc() {
        NasJob failed = TestJobs.job(SCOPE, "5", JobState.JOB_STATE_FAILED, 1_700_000_500L);
        store.putJob(SCOPE, failed, "insert", T1);
        Record row = dsl.selectFrom(NAS_JOBS).fetchOne();
        // The same JSON on both backends; PostgreSQL's jsonb prints it in its own spacing.
        assertThat(tree(row.get(NAS_JOBS.ERROR).data())).isEqualTo(tree("{\"code\":13,\"message\":\"worker pool 0 exited with code 1\"}"));
        assertThat(tree(row.get(NAS_JOBS.LABELS).data())).isEqualTo(tree("{\"team\":\"vision\"}"));
        assertThat(tree(row.get(NAS_JOBS.NASJOBSPEC).data()).at("/multiTrialAlgorithmSpec/metric/metricId").asText()).isEqualTo("top1_accuracy");
        assertThat(tree(row.get(NAS_JOBS.NASJOBSPEC).data()).at("/multiTrialAlgorithmSpec/multiTrialAlgorithm").asText())
                .isEqualTo("REINFORCEMENT_LEARNING");
        assertThat(row.get(NAS_JOBS.UPDATETIME)).isEqualTo(OffsetDateTime.of(2023, 11, 14, 22, 21, 40, 0, ZoneOffset.UTC));
        assertThat(row.get(NAS_JOBS.STARTTIME)).isNull();
        assertThat(row.get(NAS_JOBS.ENCRYPTIONSPEC)).isNull();
        assertThat(row.get(NAS_JOBS.SYNCEDAT)).isEqualTo(T1);
    }

    @Test
    void documentsAreStoredAsTheDatabaseReadsThePrintedJsonOnEitherPath() {
        // 0.91 takes the fast path on H2 (bound as H2's own value), 1e-7 the slow one (H2 rewrites it as 1E-7).
        NasJob fast = TestJobs.withTrials(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 100), 0.91, 0.5);
        NasJob slow = TestJobs.withTrials(TestJobs.job(SCOPE, "2", JobState.JOB_STATE_FAILED, 100), 1e-7);
        store.replaceScope(SCOPE, List.of(fast, slow), List.of(), "sync", T1);
        for (NasJob job : List.of(fast, slow)) {
            Record row = dsl.selectFrom(NAS_JOBS).where(NAS_JOBS.NASJOBSID.eq(NasJobRecords.jobId(job))).fetchOne();
            String output = ProtoJson.print(job.getNasJobOutput());
            String spec = ProtoJson.print(job.getNasJobSpec());
            String measurement = ProtoJson.print(job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrials(0).getFinalMeasurement());
            String stored = dsl.select(NAS_TRIALS.FINALMEASUREMENT).from(NAS_TRIALS).where(NAS_TRIALS.NASJOBSID.eq(NasJobRecords.jobId(job)))
                    .and(NAS_TRIALS.TRIALID.eq("1")).fetchOne().value1().data();
            assertThat(tree(row.get(NAS_JOBS.NASJOBOUTPUT).data())).isEqualTo(tree(output));
            assertThat(tree(row.get(NAS_JOBS.NASJOBSPEC).data())).isEqualTo(tree(spec));
            assertThat(tree(stored)).isEqualTo(tree(measurement));
            if (backend == Backend.H2) {
                assertThat(row.get(NAS_JOBS.NASJOBOUTPUT).data()).isEqualTo(h2Normal(output));
                assertThat(row.get(NAS_JOBS.NASJOBSPEC).data()).isEqualTo(h2Normal(spec));
                assertThat(stored).isEqualTo(h2Normal(measurement));
            }
        }
        if (backend == Backend.H2) {
            assertThat(dsl.fetchValue("SELECT CAST(json_value(\"nasJobOutput\", '$.multiTrialJobOutput.searchTrials[0].finalMeasurement.metrics[1].value') AS VARCHAR) FROM google.aiplatform.nas_jobs WHERE \"nasJobsId\" = '1'"))
                    .isEqualTo("0.91");
        }
    }

    private static String h2Normal(String json) {
        return new String(org.h2.value.ValueJson.fromJson(json).getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void trialRowsFollowTheJobsOutput() {
        store.putJob(SCOPE, TestJobs.withTrials(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 10), 0.71, 0.74), "sync", T1);
        assertThat(trialValues()).containsExactly("1=0.71", "2=0.74");

        store.putJob(SCOPE, TestJobs.withTrials(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 20), 0.71, 0.74, 0.78), "sync", T2);
        assertThat(trialValues()).containsExactly("1=0.71", "2=0.74", "3=0.78");
        var trial = dsl.selectFrom(NAS_TRIALS).where(NAS_TRIALS.TRIALID.eq("3")).fetchOne();
        assertThat(trial.getMetricid()).isEqualTo("top1_accuracy");
        assertThat(trial.getGoal()).isEqualTo("MAXIMIZE");
        assertThat(trial.getTrialtype()).isEqualTo("search");
        assertThat(trial.getStepcount()).isEqualTo(1000L);
        assertThat(trial.getBest()).as("0.78 is the highest of a MAXIMIZE metric").isTrue();
        assertThat(dsl.fetchCount(NAS_TRIALS, NAS_TRIALS.BEST.isTrue())).isEqualTo(1);

        store.removeJob(SCOPE, "1", "delete", T2.plusMinutes(1));
        assertThat(dsl.fetchCount(NAS_TRIALS)).isZero();
    }

    @Test
    void theBestTrialFollowsTheGoal() {
        NasJob minimize = TestJobs.withTrials(TestJobs.job(SCOPE, "9", JobState.JOB_STATE_SUCCEEDED, 10), 0.4, 0.2, 0.3).toBuilder()
                .setNasJobSpec(TestJobs.job(SCOPE, "9", JobState.JOB_STATE_SUCCEEDED, 10).getNasJobSpec().toBuilder()
                        .setMultiTrialAlgorithmSpec(TestJobs.job(SCOPE, "9", JobState.JOB_STATE_SUCCEEDED, 10).getNasJobSpec()
                                .getMultiTrialAlgorithmSpec().toBuilder().setMetric(com.google.cloud.aiplatform.v1.NasJobSpec
                                        .MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId("top1_accuracy")
                                        .setGoal(com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.MINIMIZE))))
                .build();
        store.putJob(SCOPE, minimize, "sync", T1);
        assertThat(dsl.select(NAS_TRIALS.TRIALID).from(NAS_TRIALS).where(NAS_TRIALS.BEST.isTrue()).fetch(NAS_TRIALS.TRIALID)).containsExactly("2");
    }

    @Test
    void anExceptionInTheMiddleOfAReplaceLeavesTheScopeExactlyAsBefore() {
        store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "2", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);
        var jobsBefore = dsl.selectFrom(NAS_JOBS).orderBy(NAS_JOBS.NASJOBSID).fetch();
        var eventsBefore = dsl.fetchCount(NAS_JOB_EVENTS);
        var scopeBefore = dsl.selectFrom(SYNC_SCOPES).fetchOne();

        NasJob broken = NasJob.newBuilder().setName("not a resource name").build();
        assertThatThrownBy(() -> store.replaceScope(SCOPE, List.of(
                TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 200), broken), List.of("2"), "sync", T2))
                .hasMessageContaining("not a NasJob resource name");

        assertThat(dsl.selectFrom(NAS_JOBS).orderBy(NAS_JOBS.NASJOBSID).fetch()).isEqualTo(jobsBefore);
        assertThat(dsl.fetchCount(NAS_JOB_EVENTS)).isEqualTo(eventsBefore);
        assertThat(dsl.selectFrom(SYNC_SCOPES).fetchOne()).isEqualTo(scopeBefore);
    }

    @Test
    void aFailureWhileJobsAreStillComingRollsBackTheBatchesAlreadyWritten() {
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);
        var before = dsl.selectFrom(NAS_JOBS).fetch();
        IllegalStateException failure = new IllegalStateException("GetNasJob failed after retries");
        assertThatThrownBy(() -> store.replaceScope(SCOPE, batch -> {
            batch.accept(List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_SUCCEEDED, 200), TestJobs.job(SCOPE, "2", JobState.JOB_STATE_QUEUED, 200)));
            throw failure;
        }, () -> List.of(), "sync", T2)).isSameAs(failure);
        assertThat(dsl.selectFrom(NAS_JOBS).fetch()).isEqualTo(before);
        assertThat(dsl.fetchCount(NAS_JOB_EVENTS)).isEqualTo(1);
    }

    @Test
    void aFailedScopeKeepsItsRowsAndSaysWhy() {
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);
        store.markScopeFailed(SCOPE, ScopeStatus.DENIED, "PERMISSION_DENIED: no access to proj-a", T2);
        var row = dsl.selectFrom(SYNC_SCOPES).fetchOne();
        assertThat(row.getStatus()).isEqualTo("DENIED");
        assertThat(row.getErrormessage()).contains("no access");
        assertThat(row.getLastsuccessat()).isEqualTo(T1);
        assertThat(row.getLastattemptat()).isEqualTo(T2);
        assertThat(dsl.fetchCount(NAS_JOBS)).isEqualTo(1);
        assertThat(new ScopeFreshness(inventory).syncedSince(List.of(SCOPE, OTHER), T1)).containsOnlyKeys(SCOPE);

        store.markScopeUnchanged(SCOPE, 1, T2.plusMinutes(1));
        var again = dsl.selectFrom(SYNC_SCOPES).fetchOne();
        assertThat(again.getStatus()).isEqualTo("OK");
        assertThat(again.getErrormessage()).isNull();
        assertThat(again.getLastsuccessat()).isEqualTo(T2.plusMinutes(1));
        assertThat(dsl.fetchCount(NAS_JOBS)).isEqualTo(1);
    }

    @Test
    void knownJobsNameTheRunningJobsReadBeforeTheRefreshTime() {
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 100),
                TestJobs.job(SCOPE, "2", JobState.JOB_STATE_SUCCEEDED, 100)), List.of(), "sync", T1);
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "3", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T2);
        store.replaceScope(OTHER, List.of(TestJobs.job(OTHER, "9", JobState.JOB_STATE_RUNNING, 100)), List.of(), "sync", T1);

        KnownJobs known = store.knownJobs(SCOPE, T1.plusMinutes(1));
        assertThat(known.updateTimes()).containsOnlyKeys("1", "2", "3");
        assertThat(known.runningDue()).as("running and read at T1; 2 is done, 3 was read at T2, 9 is another scope's").containsExactly("1");
        assertThat(store.knownJobs(SCOPE, T1).runningDue()).as("read at the refresh time itself: not yet due").isEmpty();
        assertThat(store.knownJobs(SCOPE, T2.plusSeconds(1)).runningDue()).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void updateTimesAndRunsAreReadBack() {
        store.replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 1_700_000_000L)), List.of(), "sync", T1);
        assertThat(store.updateTimes(SCOPE)).containsEntry("1", OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 0, ZoneOffset.UTC));
        long id = store.recordRun(new SyncRunSummary(T1, T2, "PARTIAL", 3, 1, 0, 5, 2, 1, 42));
        var run = dsl.selectFrom(SYNC_RUNS).where(SYNC_RUNS.RUNID.eq(id)).fetchOne();
        assertThat(run.getStatus()).isEqualTo("PARTIAL");
        assertThat(run.getApicalls()).isEqualTo(42L);
    }

    private List<String> trialValues() {
        return dsl.selectFrom(NAS_TRIALS).orderBy(NAS_TRIALS.TRIALID).fetch().map(t -> t.getTrialid() + "=" + t.getMetricvalue());
    }
}
