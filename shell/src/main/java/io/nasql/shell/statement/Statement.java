package io.nasql.shell.statement;

import io.nasql.db.Backend;

/**
 * One statement of a script, without its closing {@code ;}, where it starts in its source
 * (1-based line and column), so that errors can point into the file, and the SQL dialect its text
 * is read in (the inventory's database): every check of its text lexes it that way.
 */
public record Statement(String text, String source, int line, int column, Backend dialect) {

    /** A statement read as H2 reads SQL. */
    public Statement(String text, String source, int line, int column) {
        this(text, source, line, column, Backend.H2);
    }

    /** The source position of an offset into {@link #text()}, as {@code source:line:column}. */
    public String positionOf(int offset) {
        int line = this.line;
        int column = this.column;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return source + ":" + line + ":" + column;
    }

    /** {@code source:line}, as errors name a statement. */
    public String position() {
        return source + ":" + line;
    }

    public Statement withText(String newText) {
        return new Statement(newText, source, line, column, dialect);
    }

    /** The same statement, read as {@code database} reads SQL. */
    public Statement readAs(Backend database) {
        return database == dialect ? this : new Statement(text, source, line, column, database);
    }
}
