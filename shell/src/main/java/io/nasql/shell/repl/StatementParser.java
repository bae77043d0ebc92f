package io.nasql.shell.repl;

import io.nasql.db.Backend;
import io.nasql.shell.statement.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Reads a statement over as many lines as it takes: until a {@code ;} outside quotes and
 * comments, or a {@code \G}. Shell commands (help, .output, exit, ...) are complete at once.
 * Words split at white space and at {@code , ( ) = ;} so that completion sees {@code 'proj}
 * after {@code projectsId=}. Quotes and comments are the inventory database's.
 */
final class StatementParser extends DefaultParser {
    private final Backend dialect;

    StatementParser() {
        this(Backend.H2);
    }

    StatementParser(Backend dialect) {
        this.dialect = dialect;
        setQuoteChars(new char[0]);
        setEscapeChars(new char[0]);
        setEofOnUnclosedQuote(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !isComplete(line, dialect)) {
            throw new EOFError(-1, -1, "the statement goes on until ;", ";");
        }
        return super.parse(line, cursor, context);
    }

    static boolean isComplete(String text) {
        return isComplete(text, Backend.H2);
    }

    static boolean isComplete(String text, Backend dialect) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || ReplCommands.isCommand(trimmed) || trimmed.endsWith("\\G")) {
            return true;
        }
        StatementSplitter.Split split = StatementSplitter.scan(text, "", dialect);
        return !split.remainderInsideQuoteOrComment() && !StatementSplitter.hasContent(split.remainder(), dialect);
    }

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '=' || c == ';';
    }
}
