package io.nasql.shell.statement;

/**
 * A statement that failed; {@code position} is {@code source:line} or {@code source:line:column},
 * or null when it has none. Rendered once, by the entry point, as {@code error: POSITION: message}.
 */
public class StatementException extends RuntimeException {
    private final String position;

    public StatementException(String message, String position) {
        super(message);
        this.position = position;
    }

    public StatementException(String message, String position, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    public String position() {
        return position;
    }
}
