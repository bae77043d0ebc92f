package io.nasql.shell.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One token of SQL text: its kind and where it lies ({@code start} inclusive, {@code end}
 * exclusive). {@code closed} is false for a literal, quoted name or comment that the text ends
 * inside of. {@code backslashes} is true for a string in which a backslash escapes (PostgreSQL's
 * {@code E'...'}, or any '...' with standard_conforming_strings off).
 */
public record SqlToken(Kind kind, String text, int start, int end, boolean closed, boolean backslashes) {
    private static final Pattern UESCAPE_TAIL = Pattern.compile("(?s)(.*)\\s*UESCAPE\\s*'(.)'", Pattern.CASE_INSENSITIVE);

    public SqlToken(Kind kind, String text, int start, int end, boolean closed) {
        this(kind, text, start, end, closed, false);
    }

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

    /** A name as SQL means it: a word as written, or a quoted name without its quotes ({@code U&"..."} decoded). */
    public String name() {
        if (kind != Kind.QUOTED_NAME) {
            return text;
        }
        if (!isUnicode()) {
            return unquote(text, text.charAt(0));
        }
        Matcher tail = UESCAPE_TAIL.matcher(text);
        String quoted = tail.matches() ? tail.group(1).stripTrailing() : text;
        char escape = tail.matches() ? tail.group(2).charAt(0) : '\\';
        return decodeUnicode(unquote(quoted.substring(2), '"'), escape);
    }

    /**
     * The value of a {@code '...'} literal, of PostgreSQL's {@code E'...'} (backslash escapes read), of a
     * {@code U&'...'} (its escapes decoded), of a PostgreSQL string continued over lines, or of a
     * {@code $tag$...$tag$} string.
     */
    public String stringValue() {
        if (kind == Kind.DOLLAR_STRING) {
            int tag = text.indexOf('$', 1) + 1;
            return text.substring(tag, closed ? Math.max(tag, text.length() - tag) : text.length());
        }
        StringBuilder value = new StringBuilder();
        for (int[] part : segments()) {
            String segment = text.substring(part[0], part[1]);
            value.append(backslashes ? unescape(segment) : segment.replace("''", "'"));
        }
        if (!isUnicode()) {
            return value.toString();
        }
        Matcher tail = UESCAPE_TAIL.matcher(text);
        return decodeUnicode(value.toString(), tail.matches() ? tail.group(2).charAt(0) : '\\');
    }

    /**
     * Where the body of each quoted part of a {@code '...'} literal lies in its text, [start, end): one part, or
     * several for a PostgreSQL string continued over lines (the spaces and {@code --} comments between are not in any).
     */
    public List<int[]> segments() {
        String quoted = text;
        if (isUnicode()) {
            Matcher tail = UESCAPE_TAIL.matcher(text);
            if (tail.matches()) {
                quoted = tail.group(1).stripTrailing();
            }
        }
        List<int[]> parts = new ArrayList<>();
        int p = quoted.indexOf('\'');
        while (p >= 0 && p < quoted.length() && quoted.charAt(p) == '\'') {
            int q = p + 1;
            while (q < quoted.length()) {
                char c = quoted.charAt(q);
                if (backslashes && c == '\\') {
                    q += 2;
                } else if (c == '\'' && q + 1 < quoted.length() && quoted.charAt(q + 1) == '\'') {
                    q += 2;
                } else if (c == '\'') {
                    break;
                } else {
                    q++;
                }
            }
            parts.add(new int[] {p + 1, Math.min(q, quoted.length())});
            p = nextSegment(quoted, q + 1);
        }
        return parts;
    }

    /** Past the spaces and -- comments between two parts of a continued string: where the next part's quote is. */
    private static int nextSegment(String quoted, int p) {
        while (p < quoted.length() && quoted.charAt(p) != '\'') {
            if (quoted.startsWith("--", p)) {
                while (p < quoted.length() && quoted.charAt(p) != '\n' && quoted.charAt(p) != '\r') {
                    p++;
                }
            } else {
                p++;
            }
        }
        return p;
    }

    /** A string in which a backslash escapes: PostgreSQL's {@code E'...'}, or any with standard_conforming_strings off. */
    public boolean isEscapeString() {
        return kind == Kind.STRING && backslashes;
    }

    /** {@code U&'...'} or {@code U&"..."}. */
    public boolean isUnicode() {
        return text.length() > 2 && (text.charAt(0) == 'U' || text.charAt(0) == 'u') && text.charAt(1) == '&';
    }

    /** The escapes of a U& body: {@code \XXXX}, {@code \+XXXXXX} and a doubled escape character. */
    private static String decodeUnicode(String body, char escape) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != escape || i + 1 >= body.length()) {
                out.append(c);
                i++;
            } else if (body.charAt(i + 1) == escape) {
                out.append(escape);
                i += 2;
            } else {
                boolean wide = body.charAt(i + 1) == '+';
                int from = i + (wide ? 2 : 1);
                int to = Math.min(body.length(), from + (wide ? 6 : 4));
                try {
                    int code = Integer.parseInt(body.substring(from, to), 16);
                    out.appendCodePoint(Character.isValidCodePoint(code) ? code : 0xFFFD);
                    i = to;
                } catch (NumberFormatException e) {
                    out.append(c);
                    i++;
                }
            }
        }
        return out.toString();
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
                    long code = Long.parseLong(body.substring(first, end), radix); // \UFFFFFFFF is past int
                    out.appendCodePoint(code <= Character.MAX_CODE_POINT ? (int) code : 0xFFFD);
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
