package io.nasql.shell.statement;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.Backend;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{ name }}} placeholders from the session's variables, typed by where they
 * stand. Inside a {@code '...'} literal (or a {@code "..."} name) a value has its quotes
 * doubled, so it cannot end the literal, and inside PostgreSQL's {@code E'...'} its backslashes
 * too, so it cannot escape the closing quote (a plain PostgreSQL '...' that gets a backslash is written E'...', which
 * reads the same whatever standard_conforming_strings says); the text is read in the statement's dialect; objects and
 * arrays render as compact JSON. Outside
 * quotes a value is SQL, so it may only be a number, {@code true}/{@code false} or
 * {@code null}. Placeholders in comments are left as written.
 */
public final class TemplateRenderer {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Map<String, JsonNode> variables;

    public TemplateRenderer(Map<String, JsonNode> variables) {
        this.variables = variables;
    }

    public Statement render(Statement statement) {
        String text = statement.text();
        if (!text.contains("{{")) {
            return statement;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (SqlToken token : SqlTokenizer.tokenize(text, statement.dialect())) {
            switch (token.kind()) {
                case PLACEHOLDER -> out.append(bare(token, statement));
                case STRING -> out.append(inside(token, '\'', statement));
                case QUOTED_NAME -> out.append(inside(token, token.text().charAt(0), statement));
                case DOLLAR_STRING -> {
                    Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text());
                    if (m.find()) {
                        throw new TemplateException(written(m.group(1)) + " cannot be escaped inside a $-quoted string;"
                                + " put it in a '...' literal", statement.positionOf(token.start() + m.start()));
                    }
                    out.append(token.text());
                }
                default -> out.append(token.text());
            }
        }
        return statement.withText(out.toString());
    }

    /** A placeholder outside quotes: only a number, a boolean or null can stand there. */
    private String bare(SqlToken token, Statement statement) {
        Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text());
        m.matches();
        JsonNode value = value(m.group(1), statement, token.start());
        String text = value.isValueNode() ? value.asText().trim() : "";
        if (value.isNull() || text.equalsIgnoreCase("null") && value.isTextual()) {
            return "NULL";
        }
        if (value.isBoolean() || value.isTextual() && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (value.isNumber() || value.isTextual() && NUMBER.matcher(text).matches()) {
            // In parentheses, a negative number cannot join a minus before it into a -- comment.
            return text.startsWith("-") ? "(" + text + ")" : text;
        }
        throw new TemplateException(written(m.group(1)) + " is not a number, boolean or null; put the placeholder in quotes to pass text",
                statement.positionOf(token.start()));
    }

    /**
     * The placeholders inside a quoted literal or name, each value with the quote (and in E'...' the backslash) doubled.
     * On PostgreSQL a plain '...' string that gets a backslash becomes an E'...' string: a plain string's backslash is a
     * character or an escape as the session's standard_conforming_strings says, which is not known when templates are
     * filled, and an E'...' string reads the same either way.
     */
    private String inside(SqlToken token, char quote, Statement statement) {
        boolean escaped = token.isEscapeString() || quote == '\'' && backslashInto(token, statement);
        Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text());
        StringBuilder out = new StringBuilder(escaped && !token.isEscapeString() ? "E" : "");
        int last = 0;
        while (m.find()) {
            String text = filled(m.group(1), statement, token.start() + m.start());
            if (escaped) {
                text = text.replace("\\", "\\\\");
            }
            out.append(token.text(), last, m.start()).append(text.replace(String.valueOf(quote), "" + quote + quote));
            last = m.end();
        }
        return out.append(token.text(), last, token.text().length()).toString();
    }

    /** Whether a value with a backslash goes into a plain PostgreSQL '...' string, which must then be written E'...'. */
    private boolean backslashInto(SqlToken token, Statement statement) {
        if (statement.dialect() != Backend.POSTGRESQL) {
            return false;
        }
        Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text());
        String name = null;
        while (m.find() && name == null) {
            if (filled(m.group(1), statement, token.start() + m.start()).indexOf('\\') >= 0) {
                name = m.group(1);
            }
        }
        if (name == null) {
            return false;
        }
        int start = token.start();
        char before = start == 0 ? ' ' : statement.text().charAt(start - 1);
        // Only a bare '...' can take the E, and only if the string's own text has no backslash whose meaning it would change.
        if (!token.text().startsWith("'") || Character.isLetterOrDigit(before) || before == '_' || before == '&' || before == '$'
                || SqlTokenizer.PLACEHOLDER.matcher(token.text()).replaceAll("").indexOf('\\') >= 0) {
            throw new TemplateException(written(name) + " holds a backslash, which this PostgreSQL string reads as a character or an"
                    + " escape by the session's standard_conforming_strings; put the placeholder in an E'...' string of its own",
                    statement.positionOf(start));
        }
        return true;
    }

    /** A placeholder's value as text inside quotes: JSON for an object or array, empty for null. */
    private String filled(String name, Statement statement, int offset) {
        JsonNode value = value(name, statement, offset);
        return value.isNull() ? "" : value.isContainerNode() ? value.toString() : value.asText();
    }

    private JsonNode value(String name, Statement statement, int offset) {
        JsonNode value = variables.get(name);
        if (value == null) {
            throw new TemplateException("no value for template variable '" + name + "': pass --var " + name
                    + "=VALUE or put it in a --vars file", statement.positionOf(offset));
        }
        return value;
    }

    private static String written(String name) {
        return "{{ " + name + " }}";
    }
}
