package io.nasql.shell.repl;

import java.io.IOException;
import java.io.Writer;

/** The session's result writer in the REPL: each statement's results go to a buffer, then to the screen or the pager. */
public final class RedirectableWriter extends Writer {
    private volatile Writer target;

    public RedirectableWriter(Writer target) {
        this.target = target;
    }

    void redirect(Writer to) {
        this.target = to;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        target.write(chars, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.flush();
    }
}
