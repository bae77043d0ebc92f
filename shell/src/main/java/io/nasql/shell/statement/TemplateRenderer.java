package io.nasql.shell.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{ name }}} placeholders from the session's variables. A value placed inside a
 * {@code '...'} literal has its quotes doubled, so it cannot end the literal; objects and arrays
 * render as compact JSON, other values as their text.
 */
public final class TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    private final Map<String, JsonNode> variables;

    public TemplateRenderer(Map<String, JsonNode> variables) {
        this.variables = variables;
    }

    public Statement render(Statement statement) {
        String text = statement.text();
        if (!text.contains("{{")) {
            return statement;
        }
        boolean[] quoted = insideLiteral(text);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            JsonNode value = variables.get(name);
            if (value == null) {
                throw new TemplateException("no value for template variable '" + name + "': pass --var " + name
                        + "=VALUE or put it in a --vars file", statement.positionOf(m.start()));
            }
            String rendered = text(value, quoted[m.start()]);
            out.append(text, last, m.start()).append(quoted[m.start()] ? rendered.replace("'", "''") : rendered);
            last = m.end();
        }
        return statement.withText(out.append(text, last, text.length()).toString());
    }

    private static String text(JsonNode value, boolean quoted) {
        if (value.isNull()) {
            return quoted ? "" : "NULL";
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** For each index of the text, whether it lies inside a single-quoted literal. */
    private static boolean[] insideLiteral(String text) {
        boolean[] inside = new boolean[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = Sql.closingQuote(text, i);
                if (c == '\'') {
                    for (int k = i + 1; k < close - 1; k++) {
                        inside[k] = true;
                    }
                }
                i = close;
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else {
                i++;
            }
        }
        return inside;
    }
}
