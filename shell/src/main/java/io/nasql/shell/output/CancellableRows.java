package io.nasql.shell.output;

import io.nasql.sync.CancelToken;
import java.util.List;

/**
 * Rows that stop at Ctrl-C: {@link #next()} throws {@link io.nasql.sync.CancelledException} once the
 * statement's token is cancelled. A streamed PostgreSQL result needs it, since between two fetches
 * nothing runs on the server for the driver's cancel to stop.
 */
public final class CancellableRows implements Rows {
    private final Rows rows;
    private final CancelToken cancel;

    public CancellableRows(Rows rows, CancelToken cancel) {
        this.rows = rows;
        this.cancel = cancel;
    }

    @Override
    public List<Column> columns() {
        return rows.columns();
    }

    @Override
    public boolean next() throws Exception {
        cancel.throwIfCancelled();
        return rows.next();
    }

    @Override
    public Object value(int column) throws Exception {
        return rows.value(column);
    }

    @Override
    public void close() throws Exception {
        rows.close();
    }
}
