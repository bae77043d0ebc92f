package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.shell.statement.SqlToken.Kind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {
    private static List<String> kinds(String text) {
        return SqlTokenizer.significant(text, Backend.H2).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void theTokensCoverTheTextWithoutGaps() {
        String text = "SELECT 'a''b' AS \"x\"\"y\", $$ $ ; $$ -- c\n/* d */ /*+ NOWAIT */ {{ v }} 1.5e3 ||";
        List<SqlToken> tokens = SqlTokenizer.tokenize(text, Backend.H2);
        StringBuilder joined = new StringBuilder();
        int at = 0;
        for (SqlToken token : tokens) {
            assertThat(token.start()).isEqualTo(at);
            joined.append(token.text());
            at = token.end();
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void doubledQuotesStayInsideLiteralsAndQuotedNames() {
        assertThat(kinds("'it''s' \"a\"\"b\"")).containsExactly("STRING:'it''s'", "QUOTED_NAME:\"a\"\"b\"");
        assertThat(SqlTokenizer.significant("'it''s'", Backend.H2).get(0).stringValue()).isEqualTo("it's");
        assertThat(SqlTokenizer.significant("\"a\"\"b\"", Backend.H2).get(0).name()).isEqualTo("a\"b");
        assertThat(kinds("''''")).containsExactly("STRING:''''");
        assertThat(kinds("'' ''")).containsExactly("STRING:''", "STRING:''");
    }

    @Test
    void commentMarkersInsideLiteralsAreText() {
        assertThat(kinds("'-- not a comment' '/* nor this */' \"--\"")).containsExactly(
                "STRING:'-- not a comment'", "STRING:'/* nor this */'", "QUOTED_NAME:\"--\"");
    }

    @Test
    void quotesInsideCommentsAreText() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("-- it's\nSELECT /* don't */ 1", Backend.H2);
        assertThat(tokens.get(0).kind()).isEqualTo(Kind.LINE_COMMENT);
        assertThat(tokens.get(0).text()).isEqualTo("-- it's");
        assertThat(kinds("-- it's\nSELECT /* don't */ 1")).containsExactly("WORD:SELECT", "NUMBER:1");
    }

    @Test
    void hintsAreTheirOwnKindAndGiveTheirWords() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("/*+ nowait  Required */ DELETE /* plain */", Backend.H2);
        assertThat(tokens.get(0).kind()).isEqualTo(Kind.HINT);
        assertThat(tokens.get(0).hintWords()).containsExactly("NOWAIT", "REQUIRED");
        assertThat(tokens.get(4).kind()).isEqualTo(Kind.BLOCK_COMMENT);
        assertThat(Sql.hints("SELECT '/*+ NOWAIT */' /*+ a b */", Backend.H2)).containsExactly("A", "B");
    }

    @Test
    void dollarQuotedStringsAndOtherDollarSigns() {
        // As in H2: only $$ quotes; $fn$ is a parameter and a name.
        assertThat(kinds("$$ it's; -- $$ $fn$ 1")).containsExactly("DOLLAR_STRING:$$ it's; -- $$", "SYMBOL:$", "WORD:fn$", "NUMBER:1");
        assertThat(kinds("a$b $1")).containsExactly("WORD:a$b", "SYMBOL:$", "NUMBER:1");
        assertThat(kinds("'$$' x")).containsExactly("STRING:'$$'", "WORD:x");
    }

    @Test
    void literalsAndCommentsSpanLines() {
        assertThat(kinds("'line one\nline ''two''\n' /* a\n b */ x")).containsExactly("STRING:'line one\nline ''two''\n'", "WORD:x");
    }

    @Test
    void anUnclosedLiteralOrCommentRunsToTheEndAndSaysSo() {
        for (String text : List.of("'abc", "\"abc", "/* abc", "/*+ abc", "$$ abc", "'it''")) {
            List<SqlToken> tokens = SqlTokenizer.tokenize(text, Backend.H2);
            assertThat(tokens).as(text).hasSize(1);
            assertThat(tokens.get(0).closed()).as(text).isFalse();
        }
        assertThat(SqlTokenizer.tokenize("-- abc", Backend.H2).get(0).closed()).isTrue();
    }

    @Test
    void placeholdersOutsideQuotesAreTokensAndInsideArePartOfTheLiteral() {
        assertThat(kinds("x = {{ a }} AND y = '{{b}}' AND z = {{c}}")).containsExactly("WORD:x", "SYMBOL:=", "PLACEHOLDER:{{ a }}",
                "WORD:AND", "WORD:y", "SYMBOL:=", "STRING:'{{b}}'", "WORD:AND", "WORD:z", "SYMBOL:=", "PLACEHOLDER:{{c}}");
        assertThat(kinds("{{ not closed")).startsWith("SYMBOL:{", "SYMBOL:{");
    }

    @Test
    void numbersWordsAndOperators() {
        assertThat(kinds("a<=1.5e-3||b<>.5 x::int")).containsExactly("WORD:a", "SYMBOL:<=", "NUMBER:1.5e-3", "SYMBOL:||", "WORD:b",
                "SYMBOL:<>", "NUMBER:.5", "WORD:x", "SYMBOL:::", "WORD:int");
    }

    @Test
    void strippingCommentsKeepsLiteralsWhole() {
        assertThat(Sql.stripComments("SELECT '--x' -- y\n, '/*z*/' /*+ h */ FROM t", Backend.H2)).isEqualTo("SELECT '--x'  \n, '/*z*/'   FROM t");
    }

    @Test
    void slashSlashCommentsEndAtALineBreakAsInH2() {
        assertThat(kinds("SELECT 1 AS a // it's\n, 2")).containsExactly("WORD:SELECT", "NUMBER:1", "WORD:AS", "WORD:a",
                "SYMBOL:,", "NUMBER:2");
        assertThat(kinds("a -- x\rb // y\rc")).containsExactly("WORD:a", "WORD:b", "WORD:c");
        assertThat(kinds("4 / 2")).containsExactly("NUMBER:4", "SYMBOL:/", "NUMBER:2");
    }

    @Test
    void blockCommentsNestAsInH2AndPostgreSql() {
        assertThat(kinds("a /* x /* y */ it's */ b")).containsExactly("WORD:a", "WORD:b");
        assertThat(kinds("a /*+ NOWAIT /* y */ z */ b")).containsExactly("WORD:a", "WORD:b");
        assertThat(SqlTokenizer.tokenize("/* a /* b */", Backend.H2).get(0).closed()).isFalse();
        assertThat(kinds("a /*/ b */ c")).containsExactly("WORD:a", "WORD:c");
    }

    @Test
    void backticksQuoteNamesAsInH2() {
        assertThat(kinds("`it's` `a``b`")).containsExactly("QUOTED_NAME:`it's`", "QUOTED_NAME:`a``b`");
        assertThat(SqlTokenizer.significant("`a``b`", Backend.H2).get(0).name()).isEqualTo("a`b");
    }

    @Test
    void aNameStartsWhereTheDatabaseStartsOne() throws SQLException {
        // H2 starts a name at any Java identifier start, a currency sign too: €$$ is a name, not a $$ string hiding the DROP.
        assertThat(kinds("SELECT 1 AS €$$; DROP")).containsExactly("WORD:SELECT", "NUMBER:1", "WORD:AS", "WORD:€$$", "SYMBOL:;", "WORD:DROP");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                Statement jdbc = connection.createStatement()) {
            assertThat(rows(jdbc, "SELECT 1 AS €$$")).containsExactly("€$$", "1");
        }
        // H2 reads names by code point: U+1D4B3 (two chars) starts a name, so 𝒳$$ hides no $$ string either.
        String astral = "SELECT 1 AS \uD835\uDCB3$$; DROP TABLE t; SELECT 2 AS \uD835\uDCB3$$";
        assertThat(kinds(astral)).containsExactly("WORD:SELECT", "NUMBER:1", "WORD:AS", "WORD:\uD835\uDCB3$$", "SYMBOL:;",
                "WORD:DROP", "WORD:TABLE", "WORD:t", "SYMBOL:;", "WORD:SELECT", "NUMBER:2", "WORD:AS", "WORD:\uD835\uDCB3$$");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                Statement jdbc = connection.createStatement()) {
            assertThat(rows(jdbc, "SELECT 1 AS \uD835\uDCB3$$")).containsExactly("\uD835\uDCB3$$", "1");
        }
        // PostgreSQL takes any non-ASCII character in a name.
        assertThat(SqlTokenizer.significant("SELECT 1 AS €$$; DROP", Backend.POSTGRESQL).stream().map(t -> t.kind() + ":" + t.text()).toList())
                .containsExactly("WORD:SELECT", "NUMBER:1", "WORD:AS", "WORD:€$$", "SYMBOL:;", "WORD:DROP");
        // And a dollar tag may hold one: $€$ quotes, so the $$ inside it opens nothing and the DELETE after it is seen.
        assertThat(SqlTokenizer.significant("SELECT $€$ $$ $€$; DELETE FROM x; SELECT $$", Backend.POSTGRESQL).stream()
                .map(t -> t.kind() + ":" + t.text()).toList()).containsExactly("WORD:SELECT", "DOLLAR_STRING:$€$ $$ $€$", "SYMBOL:;",
                "WORD:DELETE", "WORD:FROM", "WORD:x", "SYMBOL:;", "WORD:SELECT", "DOLLAR_STRING:$$");
        // Numbers are ASCII digits: an Arabic-Indic three starts a name on PostgreSQL, so ٣$$ opens no string.
        assertThat(SqlTokenizer.significant("SELECT \u0663$$; DELETE FROM x; SELECT \u0663$$", Backend.POSTGRESQL).stream()
                .map(t -> t.kind() + ":" + t.text()).toList()).containsExactly("WORD:SELECT", "WORD:\u0663$$", "SYMBOL:;",
                "WORD:DELETE", "WORD:FROM", "WORD:x", "SYMBOL:;", "WORD:SELECT", "WORD:\u0663$$");
    }

    /**
     * H2 itself is the judge: each statement, with the comments that nasql sees replaced by a
     * space, must give H2 the same columns and values as the statement as written. A comment
     * that nasql ends early or late changes (or breaks) the statement.
     */
    @Test
    void withItsCommentsRemovedAStatementMeansTheSameToH2() throws SQLException {
        List<String> statements = List.of(
                "SELECT 1 AS a // it's\n, 'x' AS b",
                "SELECT 1 AS a // it's\r, 'x' AS b",
                "SELECT 1 AS a -- it's\r, 'x' AS b",
                "SELECT 1 /* a /* it's */ , 2 */ AS c, 'y' AS d",
                "SELECT 1 /*+ a /* it's */ , 2 */ AS c",
                "SELECT 1 /* */ AS e, '/* not */' AS f, '// nor' AS g, 1 AS \"//\"",
                "SELECT 6 / 3 AS i, 'a''b' AS j, $$ it's $$ AS k",
                "SELECT 1 AS `it's`, 'z' AS l",
                "SELECT 1 /*/ it's */ AS m, 2 /**/ AS n");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                Statement jdbc = connection.createStatement()) {
            for (String sql : statements) {
                assertThat(rows(jdbc, Sql.stripComments(sql, Backend.H2))).as(sql).isEqualTo(rows(jdbc, sql));
            }
        }
    }

    private static List<String> rows(Statement jdbc, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = jdbc.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            for (int c = 1; c <= columns; c++) {
                out.add(rs.getMetaData().getColumnLabel(c));
            }
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    out.add(rs.getString(c));
                }
            }
        }
        return out;
    }

    @Test
    void escapeAndDollarStringsHaveTheirValues() {
        List<SqlToken> tokens = SqlTokenizer.significant("E'a\\'b\\\\c\\n\\101\\u00e9''' $t$ x $$ y $t$ $$z$$", Backend.POSTGRESQL);
        assertThat(tokens).extracting(SqlToken::stringValue).containsExactly("a'b\\c\nA\u00e9'", " x $$ y ", "z");
    }

    @Test
    void hintsAreReadInTheDialect() {
        String text = "SELECT E'\\'/*+ NOWAIT */' AS a";
        assertThat(Sql.hints(text, Backend.POSTGRESQL)).isEmpty();
        assertThat(Sql.hints(text, Backend.H2)).containsExactly("NOWAIT");
    }
}
