package io.nasql.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creates under faults that strike after the service acted: never a second job for one create. */
class DuplicateFreeCreateTest {
    private static final ScopeKey SCOPE = new ScopeKey("proj-d", "us-central1");
    /**
     * The service's quotas on a one-second window instead of a minute (600 CRUD and 60 submissions per
     * scope), and nasql's pace compressed alike: the same rules, sixty times faster, so that dozens of
     * creates do not wait a minute for the submission quota.
     */
    private static final EmulatorConfig SEEDED = EmulatorConfig.empty().withSeedData(List.of("proj-seed"), EmulatorConfig.DEFAULT_LOCATIONS, 1, 7)
            .withEmptyProjects(java.util.Set.of("proj-d")).withQuota(EmulatorConfig.CRUD_PER_MINUTE, Duration.ofSeconds(1));
    private static final SyncOptions COMPRESSED = SyncOptions.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(50))
            .withRate(540 * 60, 60).withSubmitRate(54 * 60);
    /** One emulator and inventory for the tests without error rate; each test uses its own owner label and counts deltas. */
    private static SyncFixture shared;

    @BeforeAll
    static void start() throws Exception {
        shared = new SyncFixture(SEEDED, COMPRESSED);
    }

    @AfterAll
    static void stop() {
        shared.close();
    }

    @AfterEach
    void noFault() {
        shared.emulator.setFailAfterCommitRate(0);
    }

    /** A job the emulator accepts: the spec of a seeded job, under a new name and labels. */
    private static NasJob draft(SyncFixture f, String displayName, String owner) {
        NasJob seeded = f.emulator.jobs().get(0);
        return NasJob.newBuilder().setDisplayName(displayName).putLabels("owner", owner).setNasJobSpec(seeded.getNasJobSpec()).build();
    }

    private static JobWriter writer(SyncFixture f, Duration clientClockAhead) {
        Clock clock = Clock.fixed(f.clock.now().plus(clientClockAhead), ZoneOffset.UTC);
        return new JobWriter(f.clients, new CallRunner(f.options), f.store, clock);
    }

    private static long jobsOf(SyncFixture f, String owner) {
        return f.emulator.jobs().stream().filter(j -> owner.equals(j.getLabelsMap().get("owner"))).count();
    }

    @Test
    void nCreatesUnderFailAfterCommitGiveExactlyNJobs() throws Exception {
        SyncFixture f = shared;
        long creates = f.emulator.stats().calls("CreateNasJob");
        long lists = f.emulator.stats().calls("ListNasJobs");
        f.emulator.setFailAfterCommitRate(0.5);
        JobWriter writer = writer(f, Duration.ZERO);
        int n = 20;
        List<NasJob> created = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Half the drafts are alike: the lookup must not adopt a twin created earlier.
            created.add(writer.create(SCOPE, draft(f, i % 2 == 0 ? "twin" : "job-" + i, "ndup-a")));
        }
        assertThat(jobsOf(f, "ndup-a")).isEqualTo(n);
        assertThat(created.stream().map(NasJob::getName).distinct()).hasSize(n);
        assertThat(f.store.updateTimes(SCOPE)).hasSize(n);
        // The fault struck (each strike made one lookup), and each lookup found its job: no create was sent twice.
        assertThat(f.emulator.stats().calls("ListNasJobs") - lists).isBetween(4L, (long) n - 4);
        assertThat(f.emulator.stats().calls("CreateNasJob") - creates).isEqualTo(n);
    }

    @Test
    void createsAnsweredDeadlineExceededOrInternalAfterCommitAreAdoptedNotSentAgain() throws Exception {
        SyncFixture f = shared;
        JobWriter writer = writer(f, Duration.ZERO);
        for (String code : List.of("DEADLINE_EXCEEDED", "INTERNAL")) {
            long creates = f.emulator.stats().calls("CreateNasJob");
            long lists = f.emulator.stats().calls("ListNasJobs");
            f.emulator.setFailAfterCommitRate(1.0, code);
            for (int i = 0; i < 3; i++) {
                writer.create(SCOPE, draft(f, "twin", "ndup-g-" + code.toLowerCase(java.util.Locale.ROOT)));
            }
            assertThat(jobsOf(f, "ndup-g-" + code.toLowerCase(java.util.Locale.ROOT))).as(code).isEqualTo(3);
            assertThat(f.emulator.stats().calls("CreateNasJob") - creates).as("each create sent once").isEqualTo(3);
            assertThat(f.emulator.stats().calls("ListNasJobs") - lists).as("each failure looked for its job").isEqualTo(3);
        }
    }

    @Test
    void aCancelWhileAnAmbiguousCreateIsInFlightSaysTheJobMayExistAndStartsNoLookup() throws Exception {
        // The create waits 5 s at the service, acts, and answers UNAVAILABLE; Ctrl-C comes while it waits
        // (5 s, not 1 s, so that a loaded machine still cancels in time).
        try (SyncFixture f = new SyncFixture(SEEDED.withLatency(Duration.ofSeconds(5)), COMPRESSED)) {
            f.emulator.setFailAfterCommitRate(1.0);
            CancelToken cancel = new CancelToken();
            JobWriter writer = new JobWriter(f.clients, new CallRunner(f.options), f.store, Clock.systemUTC(), cancel);
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    while (f.emulator.stats().calls("CreateNasJob") < 1) {
                        Thread.sleep(5);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.cancel();
            });
            long lists = f.emulator.stats().calls("ListNasJobs");
            assertThatThrownBy(() -> writer.create(SCOPE, draft(f, "in-flight", "ndup-h"))).isInstanceOf(ApiCallException.class)
                    .hasMessageStartingWith("The service is currently unavailable.")
                    .hasMessageContaining("the job may have been created: cancelled before ListNasJobs could look for it")
                    .hasMessageContaining("SYNC the scope");
            assertThat(f.emulator.stats().calls("ListNasJobs")).as("no call starts after Ctrl-C").isEqualTo(lists);
            assertThat(jobsOf(f, "ndup-h")).isEqualTo(1);
        }
    }

    @Test
    void aBlindRetryUnderTheSameFaultMakesDuplicates() throws Exception {
        SyncFixture f = shared;
        f.emulator.setFailAfterCommitRate(0.5);
        CallRunner runner = new CallRunner(f.options);
        var client = f.clients.forLocation("us-central1");
        for (int i = 0; i < 10; i++) {
            NasJob job = draft(f, "blind-" + i, "ndup-c");
            // What nasql did before: retry CreateNasJob on UNAVAILABLE as if it were idempotent.
            runner.call(SCOPE, () -> client.createNasJob("projects/proj-d/locations/us-central1", job), true);
        }
        assertThat(jobsOf(f, "ndup-c")).isGreaterThan(10);
    }

    @Test
    void failuresBeforeAndAfterActingTogetherStillGiveExactlyNJobs() throws Exception {
        try (SyncFixture f = new SyncFixture(SEEDED.withErrorRate(0.2), COMPRESSED)) {
            f.emulator.setFailAfterCommitRate(0.3);
            JobWriter writer = writer(f, Duration.ofMinutes(4));
            for (int i = 0; i < 16; i++) {
                writer.create(SCOPE, draft(f, "twin", "ndup-b"));
            }
            assertThat(jobsOf(f, "ndup-b")).isEqualTo(16);
        }
    }

    @Test
    void whenTheLookupFailsTooTheErrorSaysTheJobMayExist() throws Exception {
        try (SyncFixture f = new SyncFixture(SEEDED.withErrorRate(1.0), COMPRESSED)) {
            assertThatThrownBy(() -> writer(f, Duration.ZERO).create(SCOPE, draft(f, "unlucky", "ndup-d")))
                    .isInstanceOf(ApiCallException.class)
                    .hasMessageContaining("the job may have been created, and looking for it failed: UNAVAILABLE")
                    .hasMessageContaining("SYNC the scope");
            assertThat(jobsOf(f, "ndup-d")).isZero();
        }
    }

    /** Creates a job straight through the API, as a colleague or the console would: the inventory does not hold it. */
    private static NasJob createdElsewhere(SyncFixture f, NasJob job) {
        return f.clients.forLocation("us-central1").createNasJob("projects/proj-d/locations/us-central1", job);
    }

    @Test
    void anAmbiguousCreateNeverAdoptsATwinWithAnotherSpecOrOtherLabels() throws Exception {
        try (SyncFixture f = new SyncFixture(SEEDED)) {
            JobWriter writer = writer(f, Duration.ZERO);
            NasJob mine = draft(f, "twin", "ndup-e");
            // Newer than ours, same display name: one with another spec, one with an extra label.
            f.clock.advance(Duration.ofMinutes(2));
            NasJob otherSpec = createdElsewhere(f, mine.toBuilder()
                    .setNasJobSpec(mine.getNasJobSpec().toBuilder().setSearchSpaceSpec("someone-else's-space")).build());
            NasJob moreLabels = createdElsewhere(f, mine.toBuilder().putLabels("team", "other").build());
            f.clock.advance(Duration.ofMinutes(-1));
            f.emulator.setFailAfterCommitRate(1.0);
            NasJob adopted = writer.create(SCOPE, mine);
            assertThat(adopted.getName()).isNotIn(otherSpec.getName(), moreLabels.getName());
            assertThat(adopted.getNasJobSpec().getSearchSpaceSpec()).isEqualTo(mine.getNasJobSpec().getSearchSpaceSpec());
            assertThat(adopted.getLabelsMap()).isEqualTo(mine.getLabelsMap());
            assertThat(jobsOf(f, "ndup-e")).isEqualTo(3);
        }
    }

    @Test
    void twoJobsJustLikeTheRequestAreNotGuessedBetween() throws Exception {
        try (SyncFixture f = new SyncFixture(SEEDED)) {
            JobWriter writer = writer(f, Duration.ZERO);
            NasJob mine = draft(f, "twin", "ndup-f");
            createdElsewhere(f, mine);
            f.emulator.setFailAfterCommitRate(1.0);
            assertThatThrownBy(() -> writer.create(SCOPE, mine)).isInstanceOf(ApiCallException.class)
                    .hasMessageContaining("the job may have been created: ListNasJobs finds 2 jobs just like it")
                    .hasMessageContaining("SYNC the scope first");
            assertThat(jobsOf(f, "ndup-f")).as("no create was sent again").isEqualTo(2);
        }
    }

    @Test
    void aSpecMatchesWhenTheServiceAddedFieldsButNotWhenAValueDiffers() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(SameJob.holds(json.readTree("{\"a\":{\"b\":1,\"c\":[{\"d\":2,\"x\":0}]},\"added\":true}"),
                json.readTree("{\"a\":{\"b\":1,\"c\":[{\"d\":2}]}}"))).isTrue();
        assertThat(SameJob.holds(json.readTree("{\"a\":{\"b\":2}}"), json.readTree("{\"a\":{\"b\":1}}"))).isFalse();
        assertThat(SameJob.holds(json.readTree("{\"c\":[1,2]}"), json.readTree("{\"c\":[1]}"))).isFalse();
        assertThat(SameJob.holds(json.readTree("{}"), json.readTree("{\"a\":1}"))).isFalse();
    }

    @Test
    void aRejectedCreateIsNotLookedFor() throws Exception {
        SyncFixture f = shared;
        long lists = f.emulator.stats().calls("ListNasJobs");
        NasJob bad = draft(f, "x".repeat(129), "dana");
        CallRunner runner = new CallRunner(f.options);
        DuplicateFreeCreate create = new DuplicateFreeCreate(f.clients.forLocation("us-central1"), runner, f.store, Clock.systemUTC(), new CancelToken());
        assertThatThrownBy(() -> create.create(SCOPE, bad)).isInstanceOf(ApiCallException.class)
                .extracting(e -> ((ApiCallException) e).code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(f.emulator.stats().calls("ListNasJobs")).isEqualTo(lists);
    }

    @Test
    void theLookupFilterQuotesWhatItMatches() {
        NasJob job = NasJob.newBuilder().setDisplayName("say \"hi\" \\o/").putLabels("team", "vision").putLabels("owner", "dana").build();
        assertThat(DuplicateFreeCreate.filter(job, Instant.parse("2026-11-01T10:00:00Z")))
                .isEqualTo("display_name=\"say \\\"hi\\\" \\\\o/\" AND create_time>=\"2026-11-01T10:00:00Z\""
                        + " AND labels.owner=\"dana\" AND labels.team=\"vision\"");
        assertThat(DuplicateFreeCreate.AMBIGUOUS).isEqualTo(Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "INTERNAL", "UNKNOWN"));
    }
}
