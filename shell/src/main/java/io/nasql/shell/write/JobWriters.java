package io.nasql.shell.write;

import io.nasql.shell.backend.ApiAccess;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.sync.CancelToken;
import io.nasql.sync.JobWriter;
import java.time.Clock;

/** Makes the JobWriter of one statement, bound to that statement's cancellation token. */
public final class JobWriters {
    private final ApiAccess api;
    private final InventoryAccess inventory;
    private final Clock clock;

    public JobWriters(ApiAccess api, InventoryAccess inventory, Clock clock) {
        this.api = api;
        this.inventory = inventory;
        this.clock = clock;
    }

    public JobWriter forStatement(CancelToken cancel) {
        return new JobWriter(api.clients(), api.callRunner(), inventory.store(), clock, cancel);
    }
}
