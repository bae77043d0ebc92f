package io.nasql.db;

import static io.nasql.db.generated.Tables.SYNC_LEASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Leases on scopes, the same on H2 and PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class ScopeLeasesTest {
    private static final ScopeKey SCOPE = new ScopeKey("proj-a", "us-central1");
    private static final Duration TTL = Duration.ofSeconds(30);

    @Parameter
    Backend backend;

    private Inventory inventory;

    @BeforeEach
    void open() {
        inventory = TestInventories.fresh(backend);
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void oneWorkerHoldsAScopeUntilItReleasesIt() {
        InventoryStore store = new InventoryStore(inventory);
        ScopeLeases a = store.leases("a", TTL);
        ScopeLeases b = store.leases("b", TTL);
        assertThat(a.acquire(SCOPE)).isTrue();
        assertThat(b.acquire(SCOPE)).isFalse();
        assertThat(a.acquire(SCOPE)).as("a worker may take again what it holds").isTrue();
        a.release(SCOPE);
        assertThat(b.acquire(SCOPE)).isTrue();
        assertThat(a.acquire(SCOPE)).isFalse();
    }

    @Test
    void aCrashedWorkersLeaseExpiresAndRenewalKeepsALiveOne() {
        InventoryStore store = new InventoryStore(inventory);
        ScopeLeases crashed = store.leases("crashed", TTL);
        ScopeLeases live = store.leases("live", TTL);
        ScopeLeases other = store.leases("other", TTL);
        ScopeKey second = new ScopeKey("proj-b", "europe-west4");
        assertThat(crashed.acquire(SCOPE)).isTrue();
        assertThat(live.acquire(second)).isTrue();
        elapse(Duration.ofSeconds(20));
        assertThat(live.renew(List.of(second))).isEqualTo(1);
        elapse(Duration.ofSeconds(20));
        assertThat(other.acquire(SCOPE)).as("expired 10 s ago").isTrue();
        assertThat(other.acquire(second)).as("renewed 20 s ago").isFalse();
        assertThat(crashed.renew(List.of(SCOPE))).as("taken over: nothing to renew").isZero();
    }

    @Test
    void aLeaseRunsForItsTtlOnTheDatabasesClock() {
        InventoryStore store = new InventoryStore(inventory);
        assertThat(store.leases("a", TTL).acquire(SCOPE)).isTrue();
        // No worker clock is asked: the expiry is CURRENT_TIMESTAMP + ttl, whatever time the JVM has.
        Long left = inventory.dsl().select(DSL.field("CAST(EXTRACT(EPOCH FROM ({0} - CURRENT_TIMESTAMP)) AS BIGINT)", Long.class,
                SYNC_LEASES.EXPIRESAT)).from(SYNC_LEASES).fetchOne(0, Long.class);
        assertThat(left).isBetween(TTL.toSeconds() - 5, TTL.toSeconds());
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverCommitsNothing() {
        InventoryStore store = new InventoryStore(inventory);
        ScopeLeases slow = store.leases("slow", TTL);
        ScopeLeases fast = store.leases("fast", TTL);
        assertThat(slow.acquire(SCOPE)).isTrue();
        elapse(TTL.plusSeconds(1));
        assertThat(fast.acquire(SCOPE)).isTrue();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> store.fencedBy(slow).replaceScope(SCOPE,
                List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 1_700_000_000L)), List.of(), "sync", at))
                .isInstanceOf(ScopeLeases.LeaseLostException.class)
                .hasMessageContaining("worker fast took it");
        assertThat(store.updateTimes(SCOPE)).isEmpty();
        store.fencedBy(fast).replaceScope(SCOPE, List.of(TestJobs.job(SCOPE, "1", JobState.JOB_STATE_RUNNING, 1_700_000_000L)),
                List.of(), "sync", at);
        assertThat(store.updateTimes(SCOPE)).containsOnlyKeys("1");
    }

    @Test
    void theFenceWaitsOutALeaseRowHeldLongerThanH2sDefaultLockTimeout() throws Exception {
        InventoryStore store = new InventoryStore(inventory);
        ScopeLeases a = store.leases("a", TTL);
        assertThat(a.acquire(SCOPE)).isTrue();
        try (Connection other = inventory.connection()) {
            other.setAutoCommit(false);
            // As a renewal that is held up (a long GC pause of a small heap, a busy machine) before its commit.
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE \"aiplatform\".\"sync_leases\" SET \"expiresAt\" = \"expiresAt\"");
            }
            Thread renewal = new Thread(() -> {
                try {
                    Thread.sleep(2500);
                    other.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            renewal.start();
            store.fencedBy(a).markScopeUnchanged(SCOPE, 0, OffsetDateTime.now(ZoneOffset.UTC));
            renewal.join();
        }
        assertThat(store.leases("b", TTL).acquire(SCOPE)).as("the lease went with the scope's commit").isTrue();
    }

    /** Time passing on the database's clock, the one leases expire by: every lease moves that much closer to its end. */
    private void elapse(Duration time) {
        inventory.dsl().update(SYNC_LEASES).set(SYNC_LEASES.EXPIRESAT, SYNC_LEASES.EXPIRESAT.minus(DayToSecond.valueOf(time))).execute();
    }
}
