package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** The shell colours what the tokenizer says: the same literals and comments the splitter and renderer see. */
class SqlHighlighterTest {
    private static final SqlHighlighter COLOR = new SqlHighlighter(true, SqlCompleter.KEYWORDS);

    @Test
    void aDoubledQuoteOrACommentMarkerStaysInsideItsLiteral() {
        String text = "SELECT 'it''s -- no' AS \"x'y\", 1 -- yes";
        AttributedString shown = COLOR.highlight(null, text);
        AttributedStyle literal = shown.styleAt(text.indexOf('\''));
        assertThat(shown.styleAt(text.indexOf("s --"))).isEqualTo(literal);
        assertThat(shown.styleAt(text.indexOf("-- no"))).isEqualTo(literal);
        AttributedStyle comment = shown.styleAt(text.indexOf("-- yes"));
        assertThat(comment).isNotEqualTo(literal);
        // The apostrophe inside a quoted name opens no literal.
        assertThat(shown.styleAt(text.indexOf("y\""))).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(shown.styleAt(text.indexOf("AS"))).isNotEqualTo(AttributedStyle.DEFAULT);
        assertThat(shown.toString()).isEqualTo(text);
    }

    @Test
    void hintsArePaintedAsCommentsAndPlaceholdersStandOut() {
        String text = "/*+ NOWAIT */ DELETE x WHERE a = {{ n }}";
        AttributedString shown = COLOR.highlight(null, text);
        assertThat(shown.styleAt(0)).isEqualTo(shown.styleAt(text.indexOf("NOWAIT")));
        assertThat(shown.styleAt(text.indexOf("{{"))).isNotEqualTo(AttributedStyle.DEFAULT).isNotEqualTo(shown.styleAt(0));
    }

    @Test
    void onPostgresqlDollarTagsAndEscapeStringsArePaintedAsLiterals() {
        String text = "SELECT $fn$ it's $fn$, E'a\\'b', 1 // 2";
        AttributedString shown = new SqlHighlighter(true, SqlCompleter.KEYWORDS, io.nasql.db.Backend.POSTGRESQL).highlight(null, text);
        AttributedStyle literal = shown.styleAt(text.indexOf("$fn$"));
        assertThat(literal).isNotEqualTo(AttributedStyle.DEFAULT);
        assertThat(shown.styleAt(text.indexOf("it's"))).isEqualTo(literal);
        assertThat(shown.styleAt(text.indexOf("b'"))).as("the escaped quote does not end the string").isEqualTo(literal);
        assertThat(shown.styleAt(text.indexOf("//"))).as("not a comment on PostgreSQL").isEqualTo(AttributedStyle.DEFAULT);
        assertThat(COLOR.highlight(null, text).styleAt(text.indexOf("//"))).as("a comment on H2").isNotEqualTo(AttributedStyle.DEFAULT);
    }
}
