package io.nasql.shell.repl;

import io.nasql.shell.statement.StatementException;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The screen around results: errors in red with a caret under the column, and the shell's own lines. */
final class Console {
    private static final Pattern POSITION = Pattern.compile("^.*:(\\d+):(\\d+)$");

    private final PrintWriter screen;
    private final boolean color;

    Console(PrintWriter screen, boolean color) {
        this.screen = screen;
        this.color = color;
    }

    PrintWriter screen() {
        return screen;
    }

    void println(String line) {
        screen.println(line);
        screen.flush();
    }

    void error(String message) {
        error(message, null);
    }

    /** Every error line of the REPL; masked here too, since some come from exceptions nasql did not word. */
    void error(String message, String pointer) {
        String line = "error: " + io.nasql.db.Secrets.mask(message);
        screen.println(color ? "\u001b[31m" + line + "\u001b[0m" : line);
        if (pointer != null) {
            screen.println(pointer);
        }
        screen.flush();
    }

    /** The input line an SQL error points into, with a caret under the column; null when it names none. */
    static String caret(StatementException e, String input) {
        if (e.position() == null) {
            return null;
        }
        Matcher m = POSITION.matcher(e.position());
        if (!m.matches()) {
            return null;
        }
        String[] lines = input.split("\n", -1);
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        if (line < 1 || line > lines.length) {
            return null;
        }
        return lines[line - 1] + "\n" + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
