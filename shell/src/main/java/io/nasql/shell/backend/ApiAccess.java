package io.nasql.shell.backend;

import io.nasql.sync.ApiTarget;
import io.nasql.sync.CallRunner;
import io.nasql.sync.JobServiceClients;
import io.nasql.sync.SyncOptions;

/** The Vertex AI clients and the runner every call goes through, made on first use. */
public final class ApiAccess implements AutoCloseable {
    private final ApiTarget target;
    private final SyncOptions options;
    private JobServiceClients clients;
    private CallRunner callRunner;
    private java.util.function.Consumer<String> pacing = message -> { };

    public ApiAccess(ApiTarget target, SyncOptions options) {
        this.target = target;
        this.options = options;
    }

    /** Where the calls go: the Vertex AI API, and Cloud Asset Inventory and Resource Manager for discovery. */
    public ApiTarget target() {
        return target;
    }

    public synchronized JobServiceClients clients() {
        if (clients == null) {
            clients = new JobServiceClients(target, options.callDeadline());
        }
        return clients;
    }

    /** The runner that paces, bounds and retries every API call of this process. */
    public synchronized CallRunner callRunner() {
        if (callRunner == null) {
            callRunner = new CallRunner(options);
            callRunner.onPacing(pacing);
        }
        return callRunner;
    }

    /** Where a write waiting for the submission quota says so. */
    public synchronized void onPacing(java.util.function.Consumer<String> listener) {
        pacing = listener;
        if (callRunner != null) {
            callRunner.onPacing(listener);
        }
    }

    /** True once any API client was made. */
    public synchronized boolean used() {
        return clients != null && clients.created() > 0;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
