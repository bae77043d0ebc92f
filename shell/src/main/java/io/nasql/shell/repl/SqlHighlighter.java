package io.nasql.shell.repl;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Keywords, strings, numbers and comments in colour; plain text when colour is off. */
final class SqlHighlighter implements Highlighter {
    private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();

    private final boolean color;
    private final Set<String> keywords;

    SqlHighlighter(boolean color, Set<String> keywords) {
        this.color = color;
        this.keywords = keywords;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!color) {
            return new AttributedString(buffer);
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        int i = 0;
        int n = buffer.length();
        while (i < n) {
            char c = buffer.charAt(i);
            int end;
            if (c == '\'') {
                end = buffer.indexOf('\'', i + 1);
                end = end < 0 ? n : end + 1;
                out.styled(STRING, buffer.substring(i, end));
            } else if (c == '-' && i + 1 < n && buffer.charAt(i + 1) == '-') {
                end = buffer.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.styled(COMMENT, buffer.substring(i, end));
            } else if (c == '/' && i + 1 < n && buffer.charAt(i + 1) == '*') {
                end = buffer.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.styled(COMMENT, buffer.substring(i, end));
            } else if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(buffer.charAt(i - 1)) && buffer.charAt(i - 1) != '_')) {
                end = i;
                while (end < n && (Character.isDigit(buffer.charAt(end)) || buffer.charAt(end) == '.')) {
                    end++;
                }
                out.styled(NUMBER, buffer.substring(i, end));
            } else if (Character.isLetter(c) || c == '_') {
                end = i;
                while (end < n && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_')) {
                    end++;
                }
                String word = buffer.substring(i, end);
                if (keywords.contains(word.toUpperCase(Locale.ROOT))) {
                    out.styled(KEYWORD, word);
                } else {
                    out.append(word);
                }
            } else {
                end = i + 1;
                out.append(c);
            }
            i = end;
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
