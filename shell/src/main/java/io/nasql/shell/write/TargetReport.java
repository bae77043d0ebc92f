package io.nasql.shell.write;

import io.nasql.shell.output.ListRows;
import io.nasql.shell.output.ResultPrinter;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a multi-target write: one row per target with what happened to it (done,
 * {@code CODE: message}, or not attempted), then {@code k of n <done>}. Incomplete when any
 * target failed or was not attempted, which makes the statement fail (exit code 1).
 */
final class TargetReport {
    static final String NOT_ATTEMPTED = "not attempted";
    static final String CANCELLED = "not attempted (cancelled)";

    private final List<String> columns;
    private final String doneWord;
    private final List<List<Object>> rows = new ArrayList<>();
    private int done;
    private int failed;
    private int started;
    private int notAttempted;
    private boolean cancelled;

    /** A report with the given target columns, then {@code outcome}; {@code doneWord} as in "2 of 3 deleted". */
    TargetReport(List<String> targetColumns, String doneWord) {
        List<String> all = new ArrayList<>(targetColumns);
        all.add("outcome");
        this.columns = List.copyOf(all);
        this.doneWord = doneWord;
    }

    void done(List<Object> target) {
        done(target, doneWord);
    }

    /** Done, with more to say than the done word (a cancel whose state could not be read back). */
    void done(List<Object> target, String outcome) {
        done++;
        add(target, outcome);
    }

    /** A failure that is not an API error (the inventory, a client, a bug): stops the write. */
    void failed(List<Object> target, RuntimeException e) {
        failed(target, e instanceof io.nasql.sync.ApiCallException ? e.toString()
                : "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** Ctrl-C stopped the write: the error says so even when the cancelled target was the last. */
    void cancelled() {
        cancelled = true;
    }

    void failed(List<Object> target, String codeAndMessage) {
        failed++;
        add(target, codeAndMessage);
    }

    /** Sent, but its end was not seen: a delete whose wait was cancelled. */
    void started(List<Object> target, String outcome) {
        started++;
        add(target, outcome);
    }

    void notAttempted(List<Object> target, boolean becauseCancelled) {
        notAttempted++;
        cancelled |= becauseCancelled;
        add(target, becauseCancelled ? CANCELLED : NOT_ATTEMPTED);
    }

    private void add(List<Object> target, String outcome) {
        List<Object> row = new ArrayList<>(target);
        row.add(outcome);
        rows.add(row);
    }

    boolean complete() {
        return failed == 0 && started == 0 && notAttempted == 0;
    }

    /** {@code 2 of 3 deleted, 1 failed}, as the status line and the error say it. */
    String summary() {
        StringBuilder text = new StringBuilder(done + " of " + rows.size() + " " + doneWord);
        if (failed > 0) {
            text.append(", ").append(failed).append(" failed");
        }
        if (started > 0) {
            text.append(", ").append(started).append(" started but not awaited");
        }
        if (notAttempted > 0) {
            text.append(", ").append(notAttempted).append(" not attempted");
        }
        return text.toString();
    }

    /** Prints a row per target and the summary line. */
    void print(ResultPrinter printer) throws Exception {
        printer.print(ListRows.ofText(columns, rows));
        printer.printStatus(summary());
    }

    /** Fails the statement when a target failed or was not attempted; {@code kept} says what stays as it was. */
    void throwIfIncomplete(Statement statement, String kept) {
        if (!complete()) {
            throw new StatementException((cancelled ? "cancelled: " : "") + summary() + "; " + kept, statement.position());
        }
    }
}
