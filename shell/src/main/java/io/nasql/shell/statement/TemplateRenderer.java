package io.nasql.shell.statement;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        List<Filled> filled = new ArrayList<>();
        for (SqlToken token : SqlTokenizer.tokenize(text, statement.dialect())) {
            switch (token.kind()) {
                case PLACEHOLDER -> out.append(bare(token, statement));
                case STRING -> {
                    Filled string = inside(token, '\'', statement, out.length());
                    if (string.placeholder() >= 0) {
                        filled.add(string);
                    }
                    out.append(string.text());
                }
                case QUOTED_NAME -> out.append(inside(token, token.isUnicode() ? '"' : token.text().charAt(0), statement, out.length()).text());
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
        if (statement.dialect() == Backend.POSTGRESQL) {
            readsTheSameEitherWay(out.toString(), filled, statement);
        }
        return statement.withText(out.toString());
    }

    /** A quoted literal or name as filled: its text, where it starts in the output, and its first placeholder's offset (-1: none). */
    private record Filled(String text, int at, int placeholder, String name) {
    }

    /**
     * On PostgreSQL, every string that got a value must be the same string, from the same quote to the same quote, whether
     * the session reads a backslash in a plain '...' as a character or as an escape (standard_conforming_strings, unknown
     * until it runs): else a backslash elsewhere, as in {@code 'C:\' AND name = '{{ v }}'}, could put the value outside.
     * What the string's own backslashes mean (a LIKE pattern's {@code \_}) is the statement's, as without templates.
     */
    private static void readsTheSameEitherWay(String rendered, List<Filled> filled, Statement statement) {
        if (filled.isEmpty()) {
            return;
        }
        Map<Integer, SqlToken> standard = strings(rendered, false);
        Map<Integer, SqlToken> escaping = strings(rendered, true);
        for (Filled string : filled) {
            SqlToken a = standard.get(string.at());
            SqlToken b = escaping.get(string.at());
            if (a == null || b == null || a.end() != b.end()) {
                throw new TemplateException(written(string.name()) + " is in a string that PostgreSQL reads one way or another by"
                        + " standard_conforming_strings (a backslash in a plain '...' of the statement?); write such strings E'...'",
                        statement.positionOf(string.placeholder()));
            }
        }
    }

    private static Map<Integer, SqlToken> strings(String rendered, boolean backslashStrings) {
        Map<Integer, SqlToken> strings = new HashMap<>();
        for (SqlToken token : SqlTokenizer.tokenize(rendered, Backend.POSTGRESQL, backslashStrings)) {
            if (token.kind() == SqlToken.Kind.STRING) {
                strings.put(token.start(), token);
            }
        }
        return strings;
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
    private Filled inside(SqlToken token, char quote, Statement statement, int at) {
        boolean escaped = token.isEscapeString() || quote == '\'' && backslashInto(token, statement);
        StringBuilder out = new StringBuilder(escaped && !token.isEscapeString() ? "E" : "");
        int last = 0;
        int first = -1;
        String name = null;
        for (Placeholder p : placeholders(token)) {
            String text = filled(p.name(), statement, token.start() + p.start());
            if (escaped) {
                text = text.replace("\\", "\\\\");
            }
            out.append(token.text(), last, p.start()).append(text.replace(String.valueOf(quote), "" + quote + quote));
            last = p.end();
            if (first < 0) {
                first = token.start() + p.start();
                name = p.name();
            }
        }
        return new Filled(out.append(token.text(), last, token.text().length()).toString(), at, first, name);
    }

    /**
     * The placeholders inside a literal's quotes, in order: of a PostgreSQL string continued over lines, those in its
     * parts, not in the {@code --} comments between them, which are left as written like any comment.
     */
    private static List<Placeholder> placeholders(SqlToken token) {
        List<Placeholder> found = new ArrayList<>();
        for (int[] part : parts(token)) {
            Matcher m = SqlTokenizer.PLACEHOLDER.matcher(token.text()).region(part[0], part[1]);
            while (m.find()) {
                found.add(new Placeholder(m.start(), m.end(), m.group(1)));
            }
        }
        return found;
    }

    /** The quoted parts of a literal ({@link SqlToken#segments}), or the whole of a quoted name. */
    private static List<int[]> parts(SqlToken token) {
        return token.kind() == SqlToken.Kind.STRING ? token.segments() : List.of(new int[] {0, token.text().length()});
    }

    /** A placeholder inside a literal: where it lies in the literal's text, and its variable. */
    private record Placeholder(int start, int end, String name) {
    }

    /** Whether a value with a backslash goes into a plain PostgreSQL '...' string, which must then be written E'...'. */
    private boolean backslashInto(SqlToken token, Statement statement) {
        if (statement.dialect() != Backend.POSTGRESQL) {
            return false;
        }
        Placeholder named = null;
        for (Placeholder p : placeholders(token)) {
            if (named == null && filled(p.name(), statement, token.start() + p.start()).indexOf('\\') >= 0) {
                named = p;
            }
        }
        if (named == null) {
            return false;
        }
        StringBuilder own = new StringBuilder();
        for (int[] part : parts(token)) {
            own.append(SqlTokenizer.PLACEHOLDER.matcher(token.text().substring(part[0], part[1])).replaceAll(""));
        }
        int start = token.start();
        char before = start == 0 ? ' ' : statement.text().charAt(start - 1);
        // Only a bare '...' can take the E, and only if the string's own text has no backslash whose meaning it would change.
        if (!token.text().startsWith("'") || Character.isLetterOrDigit(before) || before == '_' || before == '&' || before == '$'
                || own.indexOf("\\") >= 0) {
            throw new TemplateException(written(named.name()) + " holds a backslash, which this PostgreSQL string reads as a character"
                    + " or an escape by the session's standard_conforming_strings; put the placeholder in an E'...' string of its own",
                    statement.positionOf(start + named.start()));
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
