package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.ArrayList;
import java.util.List;

/** Small lexical helpers over SQL text that know about quotes and comments, as the inventory's database reads them. */
public final class Sql {
    private Sql() {
    }

    /** The text with comments (hints too) replaced by a space, quotes kept. */
    public static String stripComments(String text, Backend dialect) {
        return stripComments(text, dialect, false);
    }

    /** As above; {@code backslashStrings} when the PostgreSQL session has standard_conforming_strings off. */
    public static String stripComments(String text, Backend dialect, boolean backslashStrings) {
        StringBuilder out = new StringBuilder(text.length());
        for (SqlToken token : SqlTokenizer.tokenize(text, dialect, backslashStrings)) {
            boolean comment = token.isTrivia() && token.kind() != SqlToken.Kind.SPACE;
            out.append(comment ? " " : token.text());
        }
        return out.toString();
    }

    /** The words of the hints {@code /*+ ... *}{@code /} in a statement, upper-cased. */
    public static List<String> hints(String text, Backend dialect) {
        List<String> hints = new ArrayList<>();
        for (SqlToken token : SqlTokenizer.tokenize(text, dialect)) {
            if (token.kind() == SqlToken.Kind.HINT && token.closed()) {
                hints.addAll(List.of(token.hintWords()));
            }
        }
        return hints;
    }

    /** A string literal: the value in single quotes, quotes inside doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
