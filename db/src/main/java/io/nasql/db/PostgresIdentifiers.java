package io.nasql.db;

import io.nasql.db.generated.Aiplatform;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The page's SQL on PostgreSQL. The inventory's columns are camelCase on both backends, but
 * PostgreSQL folds unquoted names to lower case, so {@code SELECT displayName} would look for
 * {@code displayname}. This quotes every unquoted identifier that names one of the inventory's
 * camelCase columns, or a camelCase alias the statement gives ({@code AS labelValue}), outside
 * literals and comments, so the statement means what it does on H2 and result columns keep
 * their camelCase labels.
 */
public final class PostgresIdentifiers {
    /** lower case -> the column's own spelling, for the names PostgreSQL would fold. */
    private static final Map<String, String> CAMEL_CASE = camelCaseColumns();

    private PostgresIdentifiers() {
    }

    private static Map<String, String> camelCaseColumns() {
        Map<String, String> names = new HashMap<>();
        for (Table<?> table : Aiplatform.AIPLATFORM.getTables()) {
            for (Field<?> field : table.fields()) {
                String name = field.getName();
                if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                    names.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return Map.copyOf(names);
    }

    /** The inventory's own spelling of a column name given in any case, or the name as it was. */
    public static String columnName(String anyCase) {
        return CAMEL_CASE.getOrDefault(anyCase.toLowerCase(Locale.ROOT), anyCase);
    }

    /** The statement with the inventory's camelCase column names and its own camelCase aliases quoted; all else as it was. */
    public static String quote(String sql) {
        Map<String, String> names = new HashMap<>(CAMEL_CASE);
        aliases(sql, names);
        return quote(sql, names);
    }

    /**
     * Adds the camelCase words that follow AS; an alias keeps its case on H2, so it should on PostgreSQL
     * too. Only mixed case: {@code CAST(x AS BIGINT)} names a type, and all-capitals is how SQL is written.
     */
    private static void aliases(String sql, Map<String, String> names) {
        java.util.regex.Matcher m = ALIAS.matcher(sql);
        while (m.find()) {
            String alias = m.group(1);
            if (!alias.equals(alias.toLowerCase(Locale.ROOT)) && !alias.equals(alias.toUpperCase(Locale.ROOT))) {
                names.putIfAbsent(alias.toLowerCase(Locale.ROOT), alias);
            }
        }
    }

    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("(?i)\\bAS\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private static String quote(String sql, Map<String, String> names) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
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
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.substring(i, end);
                String column = names.get(word.toLowerCase(Locale.ROOT));
                out.append(column == null ? word : '"' + column + '"');
                i = end;
                continue;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** An E'...' literal, where a backslash escapes the next character. */
    private static boolean backslashEscapes(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)));
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
