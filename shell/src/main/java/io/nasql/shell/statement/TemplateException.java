package io.nasql.shell.statement;

/** A {@code {{ name }}} with no value. */
public final class TemplateException extends StatementException {
    public TemplateException(String message, String position) {
        super(message, position);
    }
}
