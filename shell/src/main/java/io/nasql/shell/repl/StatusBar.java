package io.nasql.shell.repl;

import io.nasql.shell.statement.ProgressSink;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/** Progress in the REPL: JLine's status line at the bottom of the screen; a redrawn line where the terminal has none. */
public final class StatusBar {
    private StatusBar() {
    }

    public static ProgressSink of(Terminal terminal) {
        Status status = Status.getStatus(terminal);
        if (status == null) {
            return ProgressSink.line(terminal.writer());
        }
        return new ProgressSink() {
            @Override
            public void show(String line) {
                status.update(List.of(new AttributedString(line)));
            }

            @Override
            public void clear() {
                status.update(List.of());
            }
        };
    }
}
