package io.nasql.sync;

import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.TestInventories;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** An emulator, the real clients pointed at it, and a fresh inventory (H2 in memory or PostgreSQL): what a sync test needs. */
final class SyncFixture implements AutoCloseable {
    // Nanoseconds, as real timestamps may have: the inventory must keep them to compare updateTime exactly.
    static final Instant START = Instant.parse("2026-11-01T10:00:00.123456789Z");

    final ManualClock clock = new ManualClock(START);
    final EmulatorServer emulator;
    final Inventory inventory;
    final InventoryStore store;
    final JobServiceClients clients;
    final SyncOptions options;

    SyncFixture(EmulatorConfig config) throws IOException {
        this(Backend.H2, config);
    }

    SyncFixture(EmulatorConfig config, SyncOptions options) throws IOException {
        this(Backend.H2, config, options);
    }

    SyncFixture(Backend backend, EmulatorConfig config) throws IOException {
        this(backend, config, SyncOptions.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(50)));
    }

    SyncFixture(Backend backend, EmulatorConfig config, SyncOptions options) throws IOException {
        this.emulator = EmulatorServer.start(config, clock);
        this.inventory = TestInventories.fresh(backend);
        this.store = new InventoryStore(inventory);
        this.clients = new JobServiceClients(ApiTarget.emulator(emulator.endpoint()), Duration.ofSeconds(10));
        this.options = options;
    }

    ScopeResolver resolver(CallRunner runner) {
        return new ScopeResolver(new LocationDiscovery(clients, runner, store.memory(), Clock.systemUTC()));
    }

    SyncEngine engine() {
        return new SyncEngine(store, clients, new CallRunner(options), options, Clock.systemUTC());
    }

    @Override
    public void close() {
        clients.close();
        inventory.close();
        emulator.close();
    }
}
