package io.nasql.shell.statement;

import io.nasql.sync.CancelToken;

/**
 * Batch mode's Ctrl-C: each statement gets its own token; an interrupt cancels the running one
 * and no later statement starts.
 */
public final class StatementTokens {
    private CancelToken current;
    private boolean interrupted;

    /** A fresh token for the next statement; a cancelled one once the run was interrupted. */
    public synchronized CancelToken next() {
        current = new CancelToken();
        if (interrupted) {
            current.cancel();
        }
        return current;
    }

    /** Cancels the running statement and every later one. */
    public void interrupt() {
        CancelToken running;
        synchronized (this) {
            interrupted = true;
            running = current;
        }
        if (running != null) {
            running.cancel();
        }
    }

    public synchronized boolean interrupted() {
        return interrupted;
    }
}
