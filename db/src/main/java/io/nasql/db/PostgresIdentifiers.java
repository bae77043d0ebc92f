package io.nasql.db;

import io.nasql.db.generated.Aiplatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The page's SQL on PostgreSQL. The inventory's columns are camelCase on both backends, but
 * PostgreSQL folds unquoted names to lower case, so {@code SELECT displayName} would look for
 * {@code displayname}. This quotes every unquoted word that is one of the inventory's own
 * camelCase column or table names, a fixed set read from the schema, outside literals, quoted
 * names and comments; every other word (types, keywords, functions, the user's aliases) reaches
 * PostgreSQL as written. A camelCase alias is folded there like any unquoted name, so the result
 * label it gives is put back in the statement's spelling by {@link #aliasLabels(String)}.
 */
public final class PostgresIdentifiers {
    /** lower case -> the schema's own spelling, for the names PostgreSQL would fold. */
    private static final Map<String, String> CAMEL_CASE = camelCaseNames();

    private PostgresIdentifiers() {
    }

    private static Map<String, String> camelCaseNames() {
        Map<String, String> names = new HashMap<>();
        for (Table<?> table : Aiplatform.AIPLATFORM.getTables()) {
            addIfCamelCase(names, table.getName());
            for (Field<?> field : table.fields()) {
                addIfCamelCase(names, field.getName());
            }
        }
        return Map.copyOf(names);
    }

    private static void addIfCamelCase(Map<String, String> names, String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            names.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    /** The inventory's own spelling of a column name given in any case, or the name as it was. */
    public static String columnName(String anyCase) {
        return CAMEL_CASE.getOrDefault(anyCase.toLowerCase(Locale.ROOT), anyCase);
    }

    /** The statement with the inventory's camelCase column and table names quoted; all else as it was. */
    public static String quote(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        for (int[] word : words(sql)) {
            String name = CAMEL_CASE.get(sql.substring(word[0], word[1]).toLowerCase(Locale.ROOT));
            if (name != null) {
                out.append(sql, copied, word[0]).append('"').append(name).append('"');
                copied = word[1];
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * lower case -> spelling of the mixed-case aliases the statement gives ({@code AS labelValue}),
     * so that a result column PostgreSQL labels {@code labelvalue} prints as on H2. A word after AS
     * that a parenthesis follows or closes is a type ({@code CAST(x AS Date)}), not an alias.
     */
    public static Map<String, String> aliasLabels(String sql) {
        Map<String, String> labels = new HashMap<>();
        List<int[]> words = words(sql);
        for (int k = 1; k < words.size(); k++) {
            int[] as = words.get(k - 1);
            int[] word = words.get(k);
            String alias = sql.substring(word[0], word[1]);
            if (sql.substring(as[0], as[1]).equalsIgnoreCase("AS") && sql.substring(as[1], word[0]).isBlank()
                    && !alias.equals(alias.toLowerCase(Locale.ROOT)) && !alias.equals(alias.toUpperCase(Locale.ROOT))
                    && !followedByParenthesis(sql, word[1])) {
                labels.putIfAbsent(alias.toLowerCase(Locale.ROOT), alias);
            }
        }
        return labels;
    }

    private static boolean followedByParenthesis(String sql, int from) {
        int i = from;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && (sql.charAt(i) == '(' || sql.charAt(i) == ')');
    }

    /** [start, end) of each unquoted word outside literals, quoted names and comments, as PostgreSQL lexes them. */
    private static List<int[]> words(String sql) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = closeQuote(sql, i, '\'', backslashEscapes(sql, i));
            } else if (c == '"') {
                end = closeQuote(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = closeComment(sql, i);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                if (!(end < n && sql.charAt(end) == '\'')) {
                    // A word right before a quote is a literal's prefix (E'..', B'..'), not a name.
                    words.add(new int[] {i, end});
                }
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            } else {
                end = i + 1;
            }
            i = end;
        }
        return words;
    }

    /** An E'...' literal, where a backslash escapes the next character. */
    private static boolean backslashEscapes(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
    }

    /** The index after the closing quote; a doubled quote stays inside. */
    private static int closeQuote(String sql, int open, char quote, boolean backslash) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index after the {@code *}{@code /} that closes the comment opening at {@code open}; they nest on PostgreSQL. */
    private static int closeComment(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i + 1 < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} opening a dollar-quoted string, or null. */
    private static String dollarTag(String sql, int i) {
        int end = i + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$' && (end == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, end + 1);
        }
        return null;
    }
}
