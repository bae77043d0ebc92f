package io.nasql.shell.repl;

import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.sync.CancelToken;
import java.io.Writer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jline.terminal.Terminal;

/**
 * Runs one statement in the worker thread with its own cancellation token, its results
 * streaming to the screen or the pager. Ctrl-C cancels the token: SQL is cancelled, syncs and
 * writes stop before their next API call, calls in flight finish. The REPL waits until the
 * statement has stopped, so no worker goes on unseen, and no thread is interrupted inside H2
 * (which would close the database).
 */
final class QueryRunner implements AutoCloseable {
    private final Terminal terminal;
    private final Writer results;
    private final StatementEngine engine;
    private final TemplateRenderer templates;
    private final Settings settings;
    private final Console console;
    private final Pager pager;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nasql-statement");
        t.setDaemon(true);
        return t;
    });

    QueryRunner(Terminal terminal, StatementEngine engine, TemplateRenderer templates, Settings settings, Console console, Pager pager) {
        this(terminal, null, engine, templates, settings, console, pager);
    }

    /** @param results where results go when not to the terminal (stdout into a pipe or a file), or null */
    QueryRunner(Terminal terminal, Writer results, StatementEngine engine, TemplateRenderer templates, Settings settings, Console console,
                Pager pager) {
        this.terminal = terminal;
        this.results = results;
        this.engine = engine;
        this.templates = templates;
        this.settings = settings;
        this.console = console;
        this.pager = pager;
    }

    /** Runs the statement; false when it failed or was cancelled. */
    boolean run(Statement statement, String input, boolean vertical, boolean paging) {
        CancelToken cancel = new CancelToken();
        boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
        // Results into a pipe stream there as they come, never paged; the prompt and messages stay on the terminal.
        PagedOutput out = results != null ? new PagedOutput(results, 0, null, cancel::cancel, terminal.writer())
                : new PagedOutput(terminal.writer(), terminal.getHeight(), paging && !dumb ? pager : null, cancel::cancel);
        String error = null;
        String pointer = null;
        Terminal.SignalHandler previous = null;
        try {
            Statement rendered = templates.render(statement);
            // Installed before the worker starts: a prompt in the worker (a bulk write's confirmation) saves this
            // handler and puts it back; installed after, ours could be overwritten by the one it saved.
            previous = terminal.handle(Terminal.Signal.INT, signal -> {
                if (cancel.isCancelled()) {
                    console.println("stopping: the API calls in flight finish first");
                } else {
                    cancel.cancel();
                }
            });
            Future<?> running = worker.submit(() -> engine.execute(rendered, new Execution(cancel, settings, out, vertical)));
            running.get();
            if (cancel.isCancelled() && !out.pagerQuit()) {
                error = "cancelled";
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!out.pagerQuit()) {
                error = cancel.isCancelled() ? cancelled(cause) : ErrorReporter.message(cause);
                pointer = cancel.isCancelled() || !(cause instanceof StatementException s) ? null : Console.caret(s, input);
            }
        } catch (StatementException e) {
            error = ErrorReporter.message(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } finally {
            if (previous != null) {
                terminal.handle(Terminal.Signal.INT, previous);
            }
            try {
                out.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (error != null) {
            console.error(error, pointer);
            return false;
        }
        return true;
    }

    /** What a cancelled statement says: what it did before it stopped (a write's {@code k of n}), when it knows. */
    static String cancelled(Throwable cause) {
        if (cause instanceof StatementException s && !s.getMessage().equals("cancelled")) {
            return "cancelled: " + s.getMessage().replaceFirst("^cancelled:? ", "");
        }
        return "cancelled";
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
