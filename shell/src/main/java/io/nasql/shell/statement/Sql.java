package io.nasql.shell.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small lexical helpers over SQL text that know about quotes and comments. */
public final class Sql {
    private Sql() {
    }

    /** The text with comments (hints too) replaced by a space, quotes kept. */
    public static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"') {
                int close = closingQuote(text, i);
                out.append(text, i, close);
                i = close;
            } else if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The words of the hints {@code /*+ ... *}{@code /} in a statement, upper-cased. */
    public static List<String> hints(String text) {
        List<String> hints = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("/*+", i)) >= 0) {
            int end = text.indexOf("*/", i + 3);
            if (end < 0) {
                break;
            }
            for (String word : text.substring(i + 3, end).trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    hints.add(word.toUpperCase(Locale.ROOT));
                }
            }
            i = end + 2;
        }
        return hints;
    }

    /** The index just past the quote that closes the one at {@code open}, or the text's end. */
    static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** A string literal: the value in single quotes, quotes inside doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
