package io.nasql.shell.statement;

import java.util.Locale;

/**
 * One token of SQL text: its kind and where it lies ({@code start} inclusive, {@code end}
 * exclusive). {@code closed} is false for a literal, quoted name or comment that the text ends
 * inside of.
 */
public record SqlToken(Kind kind, String text, int start, int end, boolean closed) {

    public enum Kind {
        SPACE, LINE_COMMENT, BLOCK_COMMENT, HINT,
        /** {@code '...'}, a quote inside doubled. */
        STRING,
        /** {@code "..."} or {@code `...`}, a quote inside doubled. */
        QUOTED_NAME,
        /** {@code $$...$$}. */
        DOLLAR_STRING,
        /** {@code {{ name }}} outside any literal or comment. */
        PLACEHOLDER,
        NUMBER, WORD, SYMBOL
    }

    /** Comments and white space: nothing the database sees. */
    public boolean isTrivia() {
        return kind == Kind.SPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT || kind == Kind.HINT;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A name as SQL means it: a word as written, or a quoted name without its quotes. */
    public String name() {
        return kind == Kind.QUOTED_NAME ? unquote(text, text.charAt(0)) : text;
    }

    /** The value of a {@code '...'} literal, of PostgreSQL's {@code E'...'} (backslash escapes read) or of a {@code $tag$...$tag$} string. */
    public String stringValue() {
        if (kind == Kind.DOLLAR_STRING) {
            int tag = text.indexOf('$', 1) + 1;
            return text.substring(tag, closed ? Math.max(tag, text.length() - tag) : text.length());
        }
        if (isEscapeString()) {
            return unescape(text.substring(2, closed ? text.length() - 1 : text.length()));
        }
        return unquote(text, '\'');
    }

    /** PostgreSQL's {@code E'...'}, in which a backslash escapes. */
    public boolean isEscapeString() {
        return kind == Kind.STRING && (text.charAt(0) == 'E' || text.charAt(0) == 'e');
    }

    /** An E'...' body as PostgreSQL reads it: a doubled quote, and a backslash's escapes (letters, octal, hex and Unicode ones). */
    private static String unescape(String body) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '\'' && i < body.length() && body.charAt(i) == '\'') {
                i++;
            } else if (c == '\\' && i < body.length()) {
                char e = body.charAt(i++);
                int radix = e == 'x' || e == 'u' || e == 'U' ? 16 : e >= '0' && e <= '7' ? 8 : 0;
                if (radix == 0) {
                    c = switch (e) {
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        default -> e;
                    };
                } else {
                    int first = radix == 8 ? i - 1 : i;
                    int max = radix == 8 ? 3 : e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int end = first;
                    while (end < body.length() && end - first < max && Character.digit(body.charAt(end), radix) >= 0) {
                        end++;
                    }
                    if (end == first) {
                        out.append(e);
                        continue;
                    }
                    int code = Integer.parseInt(body.substring(first, end), radix);
                    out.appendCodePoint(Character.isValidCodePoint(code) ? code : 0xFFFD);
                    i = end;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The words of a hint, upper-cased. */
    public String[] hintWords() {
        String body = text.substring(3, closed ? text.length() - 2 : text.length()).trim();
        return body.isEmpty() ? new String[0] : body.toUpperCase(Locale.ROOT).split("\\s+");
    }

    private String unquote(String quoted, char quote) {
        String body = quoted.substring(1, closed ? quoted.length() - 1 : quoted.length());
        return body.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }
}
