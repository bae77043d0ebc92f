package io.nasql.shell.statement;

import java.io.PrintWriter;

/** Where a long operation shows how it is going: a line redrawn on stderr, JLine's status bar, or nowhere. */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void show(String line) {
        }

        @Override
        public void clear() {
        }
    };

    void show(String line);

    void clear();

    /** One line on a terminal, redrawn in place with a carriage return. */
    static ProgressSink line(PrintWriter err) {
        return new ProgressSink() {
            @Override
            public void show(String line) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
            }

            @Override
            public void clear() {
                err.print("\r\u001b[K");
                err.flush();
            }
        };
    }
}
