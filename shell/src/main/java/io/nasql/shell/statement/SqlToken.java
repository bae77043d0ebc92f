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

    /** The value of a {@code '...'} literal. */
    public String stringValue() {
        return unquote(text, '\'');
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
