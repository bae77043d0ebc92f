package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits script text at each {@code ;} token, so never inside a literal, quoted name or
 * comment. Comments and hints stay with their statement; statements with nothing but comments
 * are dropped; a last statement without {@code ;} still counts. The text is read as the
 * inventory's database reads it (see {@link SqlTokenizer}).
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** What a split found: the complete statements, and the text after the last {@code ;}. */
    public record Split(List<Statement> statements, String remainder, boolean remainderInsideQuoteOrComment) {
    }

    /** Every statement, the unterminated last one included, read as the inventory's database reads SQL. */
    public static List<Statement> split(String script, String source, Backend dialect) {
        Split split = scan(script, source, dialect);
        List<Statement> statements = new ArrayList<>(split.statements());
        if (hasContent(split.remainder(), dialect)) {
            int start = script.length() - split.remainder().length();
            statements.add(statement(script, start, script.length(), source, dialect));
        }
        return statements;
    }

    /** Splits without taking the unterminated rest (the REPL asks for more input while it has content), read as the inventory's database reads SQL. */
    public static Split scan(String script, String source, Backend dialect) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        boolean content = false;
        boolean open = false;
        for (SqlToken token : SqlTokenizer.tokenize(script, dialect)) {
            if (token.isSymbol(";")) {
                if (content) {
                    statements.add(statement(script, start, token.start(), source, dialect));
                }
                start = token.end();
                content = false;
            } else {
                content |= !token.isTrivia();
                open = !token.closed();
            }
        }
        return new Split(statements, script.substring(start), open);
    }

    private static Statement statement(String script, int start, int end, String source, Backend dialect) {
        int first = start;
        while (first < end && Character.isWhitespace(script.charAt(first))) {
            first++;
        }
        int last = end;
        while (last > first && Character.isWhitespace(script.charAt(last - 1))) {
            last--;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < first; i++) {
            if (script.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Statement(script.substring(first, last), source, line, first - lineStart + 1, dialect);
    }

    /** True when the text holds something besides white space and comments. */
    public static boolean hasContent(String text, Backend dialect) {
        return SqlTokenizer.tokenize(text, dialect).stream().anyMatch(t -> !t.isTrivia());
    }
}
