package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nasql.db.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private static String render(String text, Map<String, JsonNode> vars) {
        return new TemplateRenderer(vars).render(new Statement(text, "t.iql", 4, 1)).text();
    }

    @Test
    void fillsPlaceholdersWithOrWithoutSpaces() {
        assertThat(render("WHERE a = '{{ x }}' AND b = '{{y}}'", Map.of("x", TextNode.valueOf("1"), "y", TextNode.valueOf("2"))))
                .isEqualTo("WHERE a = '1' AND b = '2'");
    }

    @Test
    void aValueInsideALiteralCannotEndIt() {
        assertThat(render("SELECT '{{ name }}'", Map.of("name", TextNode.valueOf("x'; DROP TABLE t; --"))))
                .isEqualTo("SELECT 'x''; DROP TABLE t; --'");
    }

    @Test
    void objectsRenderAsCompactJsonAndBooleansAsThemselves() throws Exception {
        JsonNode labels = new ObjectMapper().readTree("{ \"team\": \"vision\", \"owner\": \"o'neil\" }");
        assertThat(render("SELECT {{ flag }}, '{{ labels }}'", Map.of("flag", BooleanNode.TRUE, "labels", labels)))
                .isEqualTo("SELECT true, '{\"team\":\"vision\",\"owner\":\"o''neil\"}'");
    }

    @Test
    void aMissingVariableIsNamedWithItsLine() {
        assertThatThrownBy(() -> render("SELECT 1,\n '{{ projectsId }}'", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'projectsId'")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo("t.iql:5:3");
    }

    @Test
    void aBarePlaceholderTakesOnlyANumberABooleanOrNull() {
        assertThat(render("WHERE a > {{ n }} AND b = {{ f }} AND c = {{ z }} AND d = {{ m }}", Map.of("n", TextNode.valueOf("7"),
                "f", TextNode.valueOf("TRUE"), "z", TextNode.valueOf("null"), "m", TextNode.valueOf("2.5e1"))))
                .isEqualTo("WHERE a > 7 AND b = true AND c = NULL AND d = 2.5e1");
    }

    @Test
    void aNegativeNumberCannotMakeAComment() {
        assertThat(render("SELECT 1 -{{ n }}", Map.of("n", TextNode.valueOf("-1")))).isEqualTo("SELECT 1 -(-1)");
    }

    @Test
    void sqlInABarePlaceholderIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> render("DELETE FROM t\nWHERE e < 1 - {{ older_than_days }} * 2",
                Map.of("older_than_days", TextNode.valueOf("0 * INTERVAL '1' DAY OR TRUE --"))))
                .isInstanceOf(TemplateException.class)
                .hasMessage("{{ older_than_days }} is not a number, boolean or null; put the placeholder in quotes to pass text")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo("t.iql:5:15");
        assertThatThrownBy(() -> render("SELECT {{ x }}", Map.of("x", TextNode.valueOf("")))).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> render("SELECT {{ x }}", Map.of("x", TextNode.valueOf("1; DROP TABLE t")))).isInstanceOf(TemplateException.class);
    }

    @Test
    void quotedNamesDoubleTheirQuoteAndDollarStringsRefuse() {
        assertThat(render("SELECT 1 AS \"{{ n }}\"", Map.of("n", TextNode.valueOf("a\"b")))).isEqualTo("SELECT 1 AS \"a\"\"b\"");
        assertThatThrownBy(() -> render("SELECT $$ {{ n }} $$", Map.of("n", TextNode.valueOf("x")))).isInstanceOf(TemplateException.class)
                .hasMessageContaining("$-quoted");
    }

    @Test
    void placeholdersInCommentsAreLeftAsWritten() {
        assertThat(render("-- runs with {{ days }} days\nSELECT '{{ x }}' /* {{ y }} */", Map.of("x", TextNode.valueOf("it's"))))
                .isEqualTo("-- runs with {{ days }} days\nSELECT 'it''s' /* {{ y }} */");
    }

    @Test
    void aQuoteInsideACommentDoesNotFlipQuoting() {
        assertThat(render("-- don't\nSELECT '{{ x }}'", Map.of("x", TextNode.valueOf("a'b")))).isEqualTo("-- don't\nSELECT 'a''b'");
    }

    @Test
    void anApostropheInALineOrNestedCommentDoesNotTurnABarePlaceholderIntoText() {
        Map<String, JsonNode> vars = Map.of("days", TextNode.valueOf("0 OR TRUE --"));
        for (String script : new String[] {
                "DELETE FROM t WHERE state = 'FAILED' // don't touch running jobs\n AND age > {{ days }}",
                "DELETE FROM t WHERE state = 'FAILED' /* outer /* don't */ still a comment */ AND age > {{ days }}",
                "DELETE FROM t WHERE state = 'FAILED' -- don't\r AND age > {{ days }}",
                "SELECT 1 AS `it's` WHERE age > {{ days }}"}) {
            assertThatThrownBy(() -> render(script, vars)).as(script)
                    .isInstanceOf(TemplateException.class).hasMessageContaining("is not a number, boolean or null");
        }
    }

    private static String renderPostgres(String text, Map<String, JsonNode> vars) {
        return new TemplateRenderer(vars).render(new Statement(text, "t.iql", 4, 1, Backend.POSTGRESQL)).text();
    }

    @Test
    void onPostgresAPlaceholderAfterAnEscapeStringStandsOutsideQuotes() {
        // PostgreSQL ends E'x\'y' at its last quote, so the placeholder after it is SQL: only a number may stand there.
        assertThat(renderPostgres("SELECT E'x\\'y' AS a, {{ n }} AS b", Map.of("n", TextNode.valueOf("2")))).isEqualTo("SELECT E'x\\'y' AS a, 2 AS b");
        assertThatThrownBy(() -> renderPostgres("SELECT E'x\\'y' AS a, {{ n }} AS b", Map.of("n", TextNode.valueOf("1; DELETE FROM t"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("is not a number");
    }

    @Test
    void onPostgresAValueInsideAnEscapeStringCannotEndIt() {
        String value = "x\\'; DROP TABLE t; --";
        String rendered = renderPostgres("SELECT E'{{ v }}' AS a", Map.of("v", TextNode.valueOf(value)));
        assertThat(rendered).isEqualTo("SELECT E'x\\\\''; DROP TABLE t; --' AS a");
        List<SqlToken> tokens = SqlTokenizer.significant(rendered, Backend.POSTGRESQL);
        assertThat(tokens).hasSize(4);
        assertThat(tokens.get(1).stringValue()).isEqualTo(value);
    }

    @Test
    void onPostgresAValueWithABackslashMakesAPlainStringAnEscapeString() {
        // A plain string's backslash is a character or an escape by the session's standard_conforming_strings; E'...' reads one way.
        String value = "\\' OR true --";
        String rendered = renderPostgres("SELECT 1 WHERE name = '{{ v }}' AND 1 = 1", Map.of("v", TextNode.valueOf(value)));
        assertThat(rendered).isEqualTo("SELECT 1 WHERE name = E'\\\\'' OR true --' AND 1 = 1");
        List<SqlToken> tokens = SqlTokenizer.significant(rendered, Backend.POSTGRESQL);
        assertThat(tokens.get(5).stringValue()).isEqualTo(value);
        assertThat(tokens.subList(6, tokens.size()).stream().map(SqlToken::text)).containsExactly("AND", "1", "=", "1");
        // Without a backslash, or on H2 where a backslash is never an escape, the string stays as written.
        assertThat(renderPostgres("SELECT '{{ v }}'", Map.of("v", TextNode.valueOf("it's")))).isEqualTo("SELECT 'it''s'");
        assertThat(render("SELECT '{{ v }}'", Map.of("v", TextNode.valueOf("a\\b")))).isEqualTo("SELECT 'a\\b'");
        // A string whose own text has a backslash, or a prefixed one (N'..', B'..'), cannot take the E: refused, not guessed.
        for (String script : new String[] {"SELECT 'x\\y{{ v }}'", "SELECT N'{{ v }}'", "SELECT B'{{ v }}'"}) {
            assertThatThrownBy(() -> renderPostgres(script, Map.of("v", TextNode.valueOf("a\\b")))).as(script)
                    .isInstanceOf(TemplateException.class).hasMessageContaining("{{ v }} holds a backslash");
        }
    }

    @Test
    void onPostgresEveryFilledStringReadsTheSameWhateverTheStringSetting() throws Exception {
        // A backslash that ends another plain string only with standard_conforming_strings off would put the value outside.
        assertThatThrownBy(() -> renderPostgres("SELECT 1 WHERE path = 'C:\\' AND\nname = '{{ v }}'", Map.of("v", TextNode.valueOf(" OR true --"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{{ v }} is in a string that PostgreSQL reads one way or another")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo("t.iql:5:9");
        // A name character before the quote would swallow the E: refused, not sent as another name.
        assertThatThrownBy(() -> renderPostgres("SELECT 1 AS x€'{{ v }}'", Map.of("v", TextNode.valueOf("a\\b"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("{{ v }}");
        // A JSON value keeps its backslashes as it reads, and a string continued over lines takes the E once, for all its parts.
        JsonNode json = new ObjectMapper().readTree("{\"path\": \"C:\\\\dir\", \"q\": \"it's\"}");
        String continued = renderPostgres("SELECT 'a'\n'{{ j }}' AS x", Map.of("j", json));
        assertThat(continued).isEqualTo("SELECT E'a'\n'{\"path\":\"C:\\\\\\\\dir\",\"q\":\"it''s\"}' AS x");
        assertThat(SqlTokenizer.significant(continued, Backend.POSTGRESQL).get(1).stringValue()).isEqualTo("a" + json);
        // The string's own backslash (a LIKE escape) is the statement's to mean: a value without one leaves it as written.
        assertThat(renderPostgres("SELECT 1 WHERE name LIKE '%\\_{{ v }}'", Map.of("v", TextNode.valueOf("x'y"))))
                .isEqualTo("SELECT 1 WHERE name LIKE '%\\_x''y'");
        // A placeholder in the comment between two parts of a string is a comment's: left as written, not even looked up.
        assertThat(renderPostgres("SELECT 'a' -- {{ w }}\n'b' AS x", Map.of())).isEqualTo("SELECT 'a' -- {{ w }}\n'b' AS x");
        // The refusal names the placeholder where it stands, not where its string starts.
        assertThatThrownBy(() -> renderPostgres("SELECT 1,\n'a\\'\n'{{ v }}'", Map.of("v", TextNode.valueOf("b\\c"))))
                .isInstanceOf(TemplateException.class).extracting(e -> ((TemplateException) e).position()).isEqualTo("t.iql:6:2");
    }

    @Test
    void aUnicodeQuotedNameDoublesItsDoubleQuote() {
        String rendered = renderPostgres("SELECT 1 AS U&\"{{ v }}\"", Map.of("v", TextNode.valueOf("x\" , 2 AS \"y")));
        assertThat(rendered).isEqualTo("SELECT 1 AS U&\"x\"\" , 2 AS \"\"y\"");
        assertThat(SqlTokenizer.significant(rendered, Backend.POSTGRESQL)).hasSize(4);
    }
}
