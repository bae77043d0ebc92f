package io.nasql.shell.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{ name }}} placeholders from the session's variables, typed by where they
 * stand. Inside a {@code '...'} literal (or a {@code "..."} name) a value has its quotes
 * doubled, so it cannot end the literal, and inside PostgreSQL's {@code E'...'} its backslashes
 * too, so it cannot escape the closing quote; the text is read in the statement's dialect; objects and arrays render as compact JSON. Outside
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

    /** The placeholders inside a quoted literal or name, each value with the quote (and in E'...' the backslash) doubled. */
    private String inside(SqlToken token, char quote, Statement statement) {
        Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text());
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            JsonNode value = value(m.group(1), statement, token.start() + m.start());
            String text = value.isNull() ? "" : value.isContainerNode() ? value.toString() : value.asText();
            if (token.isEscapeString()) {
                text = text.replace("\\", "\\\\");
            }
            out.append(token.text(), last, m.start()).append(text.replace(String.valueOf(quote), "" + quote + quote));
            last = m.end();
        }
        return out.append(token.text(), last, token.text().length()).toString();
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
