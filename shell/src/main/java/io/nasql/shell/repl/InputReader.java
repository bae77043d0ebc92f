package io.nasql.shell.repl;

import io.nasql.db.Backend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.widget.AutosuggestionWidgets;

/** Reads what the user types: statements to their {@code ;}, with history, completion and highlighting; and yes/no answers. */
public final class InputReader {
    private final LineReader reader;

    public InputReader(Terminal terminal, Completer completer, boolean color, Path historyFile) {
        this(terminal, completer, color, historyFile, Backend.H2);
    }

    /** As above, a statement's end found as the inventory's database ({@code dialect}) reads SQL. */
    public InputReader(Terminal terminal, Completer completer, boolean color, Path historyFile, Backend dialect) {
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("nasql")
                .parser(new StatementParser(dialect))
                .completer(completer)
                .highlighter(new SqlHighlighter(color, SqlCompleter.KEYWORDS, dialect))
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
                .variable(LineReader.HISTORY_SIZE, 5000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        if (!Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            new AutosuggestionWidgets(reader).enable();
        }
    }

    /** The next input; UserInterruptException on Ctrl-C, EndOfFileException on Ctrl-D. */
    String readLine(String prompt) {
        return reader.readLine(prompt);
    }

    /** Asks a yes/no question at the prompt, for bulk writes; no on Ctrl-C or Ctrl-D. */
    public boolean confirm(String question) {
        try {
            String answer = reader.readLine(question);
            return answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    void editing(boolean vi) {
        reader.setKeyMap(vi ? LineReader.VIINS : LineReader.EMACS);
    }

    void saveHistory() throws IOException {
        reader.getHistory().save();
    }
}
