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
 * PostgreSQL as written. An alias is folded there like any unquoted name, so the result label
 * it gives is put back in the statement's spelling ({@link #selectListNames(String)}, {@link #label}).
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
        return quote(sql, false);
    }

    /** As above; {@code backslashStrings} when the session has standard_conforming_strings off (a backslash escapes in '...'). */
    public static String quote(String sql, boolean backslashStrings) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        for (int[] word : words(sql, backslashStrings)) {
            String name = CAMEL_CASE.get(sql.substring(word[0], word[1]).toLowerCase(Locale.ROOT));
            if (name != null) {
                out.append(sql, copied, word[0]).append('"').append(name).append('"');
                copied = word[1];
            }
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /**
     * Column by column, the name the statement's outermost select list gives each result column as
     * written: its alias ({@code expr AS alias}, {@code expr alias}), or the column a bare reference
     * names ({@code s.otherValue}, an alias made in a WITH); null for any other expression. It ends at
     * a {@code *}, after which columns cannot be counted. PostgreSQL labels such a column with the name
     * folded to lower case (ASCII letters only), which {@link #label} spells back.
     */
    public static List<String> selectListNames(String sql) {
        return selectListNames(sql, false);
    }

    /** As above, with {@code backslashStrings} as in {@link #quote(String, boolean)}. */
    public static List<String> selectListNames(String sql, boolean backslashStrings) {
        return SelectListNames.of(sql, lexemes(sql, backslashStrings));
    }

    /** The label to show for a result column: its alias as written when PostgreSQL's label is that alias folded, else the label. */
    public static String label(String label, String alias) {
        return alias != null && label.equals(foldedAscii(alias)) ? alias : label;
    }

    /** An unquoted name as PostgreSQL folds it: only A to Z become lower case. */
    static String foldedAscii(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** A token of PostgreSQL's lexing: an unquoted word, a quoted name, a literal (string, number) or one other character. */
    record Lexeme(int start, int end, Kind kind) {
        enum Kind { WORD, QUOTED_NAME, LITERAL, SYMBOL }

        String text(String sql) {
            return sql.substring(start, end);
        }
    }

    private static List<int[]> words(String sql, boolean backslashStrings) {
        return lexemes(sql, backslashStrings).stream().filter(l -> l.kind() == Lexeme.Kind.WORD).map(l -> new int[] {l.start(), l.end()}).toList();
    }

    /** The tokens outside comments and white space, as PostgreSQL lexes them. */
    private static List<Lexeme> lexemes(String sql, boolean backslashStrings) {
        List<Lexeme> lexemes = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            Lexeme.Kind kind = Lexeme.Kind.LITERAL;
            if (c == '\'') {
                end = closeQuote(sql, i, '\'', backslashStrings || backslashEscapes(sql, i));
            } else if (c == '"') {
                end = closeQuote(sql, i, '"', false);
                kind = Lexeme.Kind.QUOTED_NAME;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                // As PostgreSQL's scanner (and nasql's SqlTokenizer): a line comment ends at \n or \r.
                end = i + 2;
                while (end < n && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
                    end++;
                }
                kind = null;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = closeComment(sql, i);
                kind = null;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
            } else if (isNameStart(c)) {
                end = i + 1;
                while (end < n && (isNameStart(sql.charAt(end)) || isAsciiDigit(sql.charAt(end)) || sql.charAt(end) == '$')) {
                    end++;
                }
                // A word right before a quote is a literal's prefix (E'..', B'..'), not a name.
                kind = end < n && sql.charAt(end) == '\'' ? null : Lexeme.Kind.WORD;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            } else {
                end = i + 1;
                kind = Character.isWhitespace(c) ? null : Lexeme.Kind.SYMBOL;
            }
            if (kind != null) {
                lexemes.add(new Lexeme(i, end, kind));
            }
            i = end;
        }
        return lexemes;
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

    /** As PostgreSQL's scanner: a name (and a dollar tag) starts at A to Z, a to z, {@code _} or any non-ASCII character. */
    private static boolean isNameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c >= 0x80;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code $$} or {@code $tag$} opening a dollar-quoted string, or null. */
    private static String dollarTag(String sql, int i) {
        int end = i + 1;
        while (end < sql.length() && (isNameStart(sql.charAt(end)) || isAsciiDigit(sql.charAt(end)))) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$' && (end == i + 1 || !isAsciiDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, end + 1);
        }
        return null;
    }
}
