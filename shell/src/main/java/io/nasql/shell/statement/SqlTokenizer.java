package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.shell.statement.SqlToken.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one lexer of SQL text in nasql: the splitter, comment stripping, the template renderer,
 * the REPL's highlighter and the analysis of verbs and scope pins all read its tokens, so they
 * agree on where a literal, a quoted name, a comment or a hint begins and ends. The tokens
 * cover the text without gaps, so joining their texts gives the text back.
 *
 * <p>It reads the text exactly as H2's own tokenizer does, since any disagreement lets a value
 * that nasql escapes as text reach H2 as SQL: {@code --} and {@code //} comments end at a line
 * break ({@code \n} or {@code \r}), {@code /* *}{@code /} comments nest, names are quoted in
 * {@code "..."} or {@code `...`}, a name starts at any Java identifier start (so {@code €$$} is a
 * name, not the opening of a string), and only {@code $$...$$} is a dollar-quoted string (a
 * {@code $tag$} is a parameter and a name to H2, not a quote).
 *
 * <p>On a PostgreSQL inventory the text goes to PostgreSQL, so it is read as PostgreSQL's lexer
 * does: {@code //} is two operators, not a comment; a backtick is a symbol; {@code $tag$...$tag$}
 * quotes with any tag; a name may hold any non-ASCII character; and in an {@code E'...'} string a
 * backslash escapes the next character.
 */
public final class SqlTokenizer {
    /** {@code {{ name }}}, with or without spaces inside the braces. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");
    private static final List<String> OPERATORS = List.of("||", "<=", ">=", "<>", "!=", "::");

    private static final Pattern UESCAPE = Pattern.compile("\\s*UESCAPE\\s*'[^']'", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final int n;
    private final boolean postgres;
    /** PostgreSQL with standard_conforming_strings off: a backslash escapes in every '...' string too. */
    private final boolean backslashStrings;
    private int i;

    private SqlTokenizer(String text, Backend dialect, boolean backslashStrings) {
        this.text = text;
        this.n = text.length();
        this.postgres = dialect == Backend.POSTGRESQL;
        this.backslashStrings = postgres && backslashStrings;
    }

    /** The tokens as the inventory's database reads them. */
    public static List<SqlToken> tokenize(String text, Backend dialect) {
        return tokenize(text, dialect, false);
    }

    /** As above; {@code backslashStrings} when the PostgreSQL session has standard_conforming_strings off. */
    public static List<SqlToken> tokenize(String text, Backend dialect, boolean backslashStrings) {
        // One statement is read by several passes (splitting, effects, read-through pins, routing), each from its
        // text; the last result is kept, so a statement that pins 1,000 scopes is scanned once (issue 14).
        Scanned last = lastScanned;
        if (last != null && last.dialect == dialect && last.backslashStrings == backslashStrings && last.text.equals(text)) {
            return last.tokens;
        }
        List<SqlToken> tokens = Collections.unmodifiableList(new SqlTokenizer(text, dialect, backslashStrings).all());
        lastScanned = new Scanned(text, dialect, backslashStrings, tokens);
        return tokens;
    }

    private record Scanned(String text, Backend dialect, boolean backslashStrings, List<SqlToken> tokens) {
    }

    private static volatile Scanned lastScanned;

    /** The tokens that the database sees: no white space, comments or hints. */
    public static List<SqlToken> significant(String text, Backend dialect) {
        return significant(text, dialect, false);
    }

    /** As above; {@code backslashStrings} when the PostgreSQL session has standard_conforming_strings off. */
    public static List<SqlToken> significant(String text, Backend dialect, boolean backslashStrings) {
        return tokenize(text, dialect, backslashStrings).stream().filter(t -> !t.isTrivia()).toList();
    }

    private List<SqlToken> all() {
        List<SqlToken> tokens = new ArrayList<>();
        while (i < n) {
            tokens.add(next());
        }
        return tokens;
    }

    private SqlToken next() {
        int start = i;
        char c = text.charAt(i);
        char next = i + 1 < n ? text.charAt(i + 1) : '\0';
        if (Character.isWhitespace(c)) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return token(Kind.SPACE, start, true);
        }
        if ((c == '-' || c == '/' && !postgres) && next == c) {
            while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            return token(Kind.LINE_COMMENT, start, true);
        }
        if (c == '/' && next == '*') {
            Kind kind = i + 2 < n && text.charAt(i + 2) == '+' ? Kind.HINT : Kind.BLOCK_COMMENT;
            return nestedComment(kind, start);
        }
        if (c == '\'' || c == '"' || c == '`' && !postgres) {
            return quoted(c, c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, start, c == '\'' && backslashStrings);
        }
        if (postgres && (c == 'E' || c == 'e') && next == '\'') {
            i++;
            return quoted('\'', Kind.STRING, start, true);
        }
        if ((c == 'U' || c == 'u') && next == '&' && i + 2 < n && (text.charAt(i + 2) == '\'' || text.charAt(i + 2) == '"')) {
            return unicode(start);
        }
        String tag = c == '$' ? dollarTag() : null;
        if (tag != null) {
            int end = text.indexOf(tag, i + tag.length());
            i = end < 0 ? n : end + tag.length();
            return token(Kind.DOLLAR_STRING, start, end >= 0);
        }
        if (c == '{' && next == '{') {
            Matcher placeholder = PLACEHOLDER.matcher(text).region(i, n);
            if (placeholder.lookingAt()) {
                i = placeholder.end();
                return token(Kind.PLACEHOLDER, start, true);
            }
        }
        if (isAsciiDigit(c) || c == '.' && isAsciiDigit(next)) {
            return number(start);
        }
        // By code point, as H2 reads names: a name may start with a supplementary character such as U+1D4B3.
        if (isWordStart(text.codePointAt(i))) {
            while (i < n && isWordPart(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            return token(Kind.WORD, start, true);
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, i)) {
                i += operator.length();
                return token(Kind.SYMBOL, start, true);
            }
        }
        i++;
        return token(Kind.SYMBOL, start, true);
    }

    /** The opening {@code $$} here, or on PostgreSQL any {@code $tag$} (a tag does not start with a digit: {@code $1} is a parameter). */
    private String dollarTag() {
        if (i + 1 < n && text.charAt(i + 1) == '$') {
            return "$$";
        }
        char first = i + 1 < n ? text.charAt(i + 1) : '0';
        if (!postgres || first >= '0' && first <= '9') {
            return null;
        }
        // As PostgreSQL's scanner: a tag holds A-Z, a-z, _, 0-9 and any non-ASCII character ($€$ quotes too).
        int end = i + 1;
        while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) >= 0x80)) {
            end++;
        }
        return end < n && text.charAt(end) == '$' ? text.substring(i, end + 1) : null;
    }

    /**
     * Where a name starts: in H2 at any Java identifier start ({@code $} was read above), a
     * currency sign included; in PostgreSQL at a letter, {@code _} or any non-ASCII character.
     */
    private boolean isWordStart(int c) {
        return postgres ? Character.isLetter(c) || c == '_' || c >= 0x80 : c != '$' && Character.isJavaIdentifierStart(c);
    }

    /** What goes on a name: in H2 any Java identifier part, {@code $} included; in PostgreSQL also digits and {@code $}. */
    private boolean isWordPart(int c) {
        return postgres ? Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80 : Character.isJavaIdentifierPart(c);
    }

    /**
     * A quoted literal or name; a doubled quote inside is a quote, not the end, and so is an escaped one in E'...'.
     * On PostgreSQL a string goes on in a next '...' after white space holding a line break (its string continuation).
     */
    private SqlToken quoted(char quote, Kind kind, int start, boolean backslashEscapes) {
        i++;
        while (i < n) {
            if (backslashEscapes && text.charAt(i) == '\\') {
                i = Math.min(n, i + 2);
                continue;
            }
            if (text.charAt(i) == quote) {
                if (i + 1 < n && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                i++;
                int continued = kind == Kind.STRING && postgres ? continuation() : -1;
                if (continued < 0) {
                    return token(kind, start, true, backslashEscapes);
                }
                i = continued + 1;
                continue;
            }
            i++;
        }
        return token(kind, start, false, backslashEscapes);
    }

    /** Where a continued PostgreSQL string's next quote is: after spaces and -- comments including a line break; -1 if none. */
    private int continuation() {
        int p = i;
        boolean lineBreak = false;
        while (p < n) {
            char c = text.charAt(p);
            if (c == '\n' || c == '\r') {
                lineBreak = true;
                p++;
            } else if (Character.isWhitespace(c)) {
                p++;
            } else if (c == '-' && p + 1 < n && text.charAt(p + 1) == '-') {
                while (p < n && text.charAt(p) != '\n' && text.charAt(p) != '\r') {
                    p++;
                }
            } else {
                break;
            }
        }
        return lineBreak && p < n && text.charAt(p) == '\'' ? p : -1;
    }

    /** {@code U&'...'} or {@code U&"..."} (H2 and PostgreSQL), with its {@code UESCAPE 'c'} clause if one follows. */
    private SqlToken unicode(int start) {
        i += 2;
        char quote = text.charAt(i);
        SqlToken quoted = quoted(quote, quote == '\'' ? Kind.STRING : Kind.QUOTED_NAME, start, false);
        Matcher uescape = UESCAPE.matcher(text).region(i, n);
        if (quoted.closed() && uescape.lookingAt()) {
            i = uescape.end();
            return token(quoted.kind(), start, true);
        }
        return quoted;
    }

    /** A comment that ends at the {@code *}{@code /} matching its opening, as in H2 and PostgreSQL. */
    private SqlToken nestedComment(Kind kind, int start) {
        i += 2;
        int depth = 1;
        while (i < n && depth > 0) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '*' && next == '/') {
                depth--;
                i += 2;
            } else if (c == '/' && next == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        return token(kind, start, depth == 0);
    }

    /** Numbers are ASCII digits in both databases: `٣$$` is a name on PostgreSQL (and an error on H2), not 3 and a string. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private SqlToken number(int start) {
        while (i < n && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < n && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < n && isAsciiDigit(text.charAt(exponent))) {
                i = exponent;
                while (i < n && isAsciiDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return token(Kind.NUMBER, start, true);
    }

    private SqlToken token(Kind kind, int start, boolean closed) {
        return token(kind, start, closed, false);
    }

    private SqlToken token(Kind kind, int start, boolean closed, boolean backslashEscapes) {
        return new SqlToken(kind, text.substring(start, i), start, i, closed, backslashEscapes);
    }
}
