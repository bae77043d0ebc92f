package io.nasql.shell;

import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.output.ResultPrinter;
import io.nasql.shell.statement.Setting;
import io.nasql.sync.CallRunner;
import io.nasql.sync.JobServiceClients;
import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * One user's session: the inventory and its connection, the API clients, the settings, and
 * where results and notices go. The inventory and the clients open on first use, so a
 * statement that needs neither pays for neither.
 */
public final class Session implements AutoCloseable {
    private final SessionConfig config;
    private final Writer out;
    private final PrintWriter notices;
    private final Confirmer confirmer;
    private final Clock clock;
    private final Map<Setting, Object> settings = new EnumMap<>(Setting.class);
    private Inventory inventory;
    private Connection connection;
    private JobServiceClients clients;
    private CallRunner runner;
    private volatile ProgressSink progress = ProgressSink.NONE;
    private final java.util.List<Runnable> cancelHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean cancelRequested;

    /** Asks the user to confirm a bulk write; false when nobody can answer. */
    @FunctionalInterface
    public interface Confirmer {
        boolean confirm(String question);
    }

    public Session(SessionConfig config, Writer out, PrintWriter notices, Confirmer confirmer, Clock clock) {
        this.config = config;
        this.out = out;
        this.notices = notices;
        this.confirmer = confirmer;
        this.clock = clock;
        for (Setting s : Setting.values()) {
            settings.put(s, s.defaultValue());
        }
    }

    public SessionConfig config() {
        return config;
    }

    public synchronized Inventory inventory() {
        if (inventory == null) {
            inventory = config.dbUrl() != null ? Inventory.open(config.dbUrl()) : Inventory.openFolder(config.folder());
        }
        return inventory;
    }

    public InventoryStore store() {
        return new InventoryStore(inventory());
    }

    /** The connection that the user's SQL runs on, so session state (views, variables) persists. */
    public synchronized Connection connection() throws SQLException {
        if (connection == null) {
            connection = inventory().connection();
        }
        return connection;
    }

    public synchronized JobServiceClients clients() {
        if (clients == null) {
            clients = new JobServiceClients(config.api(), config.sync().callDeadline());
        }
        return clients;
    }

    public synchronized CallRunner runner() {
        if (runner == null) {
            runner = new CallRunner(config.sync());
            // A bulk write waiting for the submission quota says so on the progress line.
            runner.onPacing(message -> progress.show(message));
        }
        return runner;
    }

    /** True once any API client was made. */
    public synchronized boolean usedApi() {
        return clients != null && clients.created() > 0;
    }

    public Object setting(Setting setting) {
        return settings.get(setting);
    }

    public void set(Setting setting, Object value) {
        settings.put(setting, value);
    }

    public OutputFormat format() {
        return (OutputFormat) settings.get(Setting.OUTPUT);
    }

    public ResultPrinter printer() {
        return format().printer(out);
    }

    public Writer out() {
        return out;
    }

    /** Progress and notices: stderr, so they never mix with results. */
    public PrintWriter notices() {
        return notices;
    }

    public boolean confirm(String question) {
        return config.assumeYes() || confirmer.confirm(question);
    }

    /** Where syncs and waits show their progress; nowhere unless the front end says. */
    public ProgressSink progress() {
        return progress;
    }

    public void setProgress(ProgressSink sink) {
        this.progress = sink;
    }

    /**
     * Asks the running statement to stop (Ctrl-C). Cooperative on purpose: interrupting a thread
     * that is reading or writing the H2 file would close the database.
     */
    public void cancel() {
        cancelRequested = true;
        cancelHooks.forEach(Runnable::run);
    }

    /** True once {@link #cancel()} was called for the statement running now. */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** A cancel hook, registered until closed. */
    public interface CancelHook extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code hook} on cancel until the returned handle is closed. */
    public CancelHook onCancel(Runnable hook) {
        cancelHooks.add(hook);
        return () -> cancelHooks.remove(hook);
    }

    /** Clears a cancel before the next statement. */
    public void resetCancel() {
        cancelRequested = false;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing: nothing left to do with it
        }
        if (inventory != null) {
            inventory.close();
        }
    }
}
