package io.nasql.shell.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits script text at each {@code ;} that is outside quotes and comments. Comments and hints
 * stay with their statement; statements with nothing but comments are dropped; a last statement
 * without {@code ;} still counts.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /** What a split found: the complete statements, and the text after the last {@code ;}. */
    public record Split(List<Statement> statements, String remainder, boolean remainderInsideQuoteOrComment) {
    }

    /** Every statement, the unterminated last one included. */
    public static List<Statement> split(String script, String source) {
        Split split = scan(script, source);
        List<Statement> statements = new ArrayList<>(split.statements());
        if (hasContent(split.remainder())) {
            int start = script.length() - split.remainder().length();
            statements.add(statement(script, start, script.length(), source));
        }
        return statements;
    }

    /** Splits without taking the unterminated rest: the REPL asks for more input while it has content. */
    public static Split scan(String script, String source) {
        List<Statement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        boolean open = false;
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"') {
                int close = script.indexOf(c, i + 1);
                // A doubled quote inside a literal is an escaped quote, not its end.
                while (close >= 0 && close + 1 < n && script.charAt(close + 1) == c) {
                    close = script.indexOf(c, close + 2);
                }
                if (close < 0) {
                    open = true;
                    break;
                }
                i = close + 1;
            } else if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && next == '*') {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    open = true;
                    break;
                }
                i = end + 2;
            } else if (c == ';') {
                if (hasContent(script.substring(start, i))) {
                    statements.add(statement(script, start, i, source));
                }
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        return new Split(statements, script.substring(start), open);
    }

    private static Statement statement(String script, int start, int end, String source) {
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
        return new Statement(script.substring(first, last), source, line, first - lineStart + 1);
    }

    /** True when the text holds something besides white space and comments. */
    public static boolean hasContent(String text) {
        return !Sql.stripComments(text).isBlank();
    }
}
