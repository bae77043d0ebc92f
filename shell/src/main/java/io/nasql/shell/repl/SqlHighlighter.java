package io.nasql.shell.repl;

import io.nasql.db.Backend;
import io.nasql.shell.statement.SqlToken;
import io.nasql.shell.statement.SqlTokenizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Keywords, strings, numbers, placeholders and comments in colour, by the SQL tokenizer; plain text when colour is off. */
final class SqlHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle PLACEHOLDER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();

    private final boolean color;
    private final Set<String> keywords;
    private final Backend dialect;

    SqlHighlighter(boolean color, Set<String> keywords) {
        this(color, keywords, Backend.H2);
    }

    /** Strings and comments as the inventory's database ({@code dialect}) reads them. */
    SqlHighlighter(boolean color, Set<String> keywords, Backend dialect) {
        this.color = color;
        this.keywords = keywords;
        this.dialect = dialect;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!color) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (SqlToken token : SqlTokenizer.tokenize(buffer, dialect)) {
            AttributedStyle style = switch (token.kind()) {
                case STRING, DOLLAR_STRING -> STRING;
                case LINE_COMMENT, BLOCK_COMMENT, HINT -> COMMENT;
                case NUMBER -> NUMBER;
                case PLACEHOLDER -> PLACEHOLDER;
                case WORD -> keywords.contains(token.text().toUpperCase(Locale.ROOT)) ? KEYWORD : null;
                default -> null;
            };
            if (style == null) {
                out.append(token.text());
            } else {
                out.styled(style, token.text());
            }
        }
        return out.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
