package io.nasql.shell.statement;

import java.sql.SQLException;

/** H2's errors as statement errors: H2's own first line, pointed at the file's line and column. */
public final class SqlErrors {
    private static final String MARK = "[*]";

    private SqlErrors() {
    }

    public static StatementException of(SQLException e, Statement statement) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline))
                .replaceFirst("; SQL statement:$", "")
                .replaceFirst(" \\[\\d+-\\d+]$", "");
        return new StatementException(first, position(message, statement), e);
    }

    /** Where H2's {@code [*]} marker points, or the statement's line. */
    private static String position(String message, Statement statement) {
        int mark = message.indexOf(MARK);
        int quote = message.indexOf("statement \"");
        if (mark < 0 || quote < 0 || mark < quote) {
            return statement.position();
        }
        // H2 writes line breaks in the echo as \000a.
        String echoed = message.substring(quote + "statement \"".length(), mark).replace("\\000a", "\n");
        int offset = echoed.length();
        // H2 echoes the statement as sent; trust the offset only when the echo matches.
        return statement.text().startsWith(echoed) ? statement.positionOf(offset) : statement.position();
    }
}
