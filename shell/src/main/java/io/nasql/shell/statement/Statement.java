package io.nasql.shell.statement;

/**
 * One statement of a script, without its closing {@code ;}, and where it starts in its source
 * (1-based line and column), so that errors can point into the file.
 */
public record Statement(String text, String source, int line, int column) {

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
        return new Statement(newText, source, line, column);
    }
}
