package io.nasql.sync;

import static io.nasql.db.generated.Tables.SYNC_RUNS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;
import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lease row another transaction keeps locked past H2's lock wait holds that scope; it does not end the run. */
class LeaseLockTest {
    @Test
    void aLeaseRowLockedPastTheWaitIsAHeldScopeAndTheRunGoesOn() throws Exception {
        List<String> locations = EmulatorConfig.DEFAULT_LOCATIONS;
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(EmulatorConfig.numberedProjects(3), locations, 2, 7))) {
            List<ScopeKey> scopes = new ArrayList<>();
            EmulatorConfig.numberedProjects(3).forEach(p -> locations.forEach(l -> scopes.add(new ScopeKey(p, l))));
            ScopeKey locked = scopes.get(0);
            f.store.leases("other", Duration.ofMinutes(1)).acquire(locked);
            SyncReport report;
            try (Connection other = f.inventory.connection()) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) { // another worker's renewal, its transaction left open
                    s.executeUpdate("UPDATE \"aiplatform\".\"sync_leases\" SET \"expiresAt\" = \"expiresAt\"");
                }
                try (SyncEngine engine = new SyncEngine(f.store, SyncWorker.local(Shard.ALL, Duration.ofMinutes(1)),
                        f.clients, new CallRunner(f.options), f.options, Clock.systemUTC())) {
                    report = engine.sync(scopes);
                }
                other.rollback();
            }
            assertThat(report.outcomes()).filteredOn(o -> o.scope().equals(locked))
                    .singleElement().extracting(ScopeOutcome::status).isEqualTo(ScopeOutcome.Status.HELD);
            assertThat(report.outcomes()).filteredOn(o -> !o.scope().equals(locked))
                    .hasSize(scopes.size() - 1).allSatisfy(o -> assertThat(o.status()).isEqualTo(ScopeOutcome.Status.OK));
            assertThat(f.inventory.dsl().fetchCount(SYNC_RUNS)).as("the run is recorded").isEqualTo(1);
            assertThat(f.inventory.dsl().fetchCount(SYNC_SCOPES)).isEqualTo(scopes.size() - 1);
        }
    }
}
