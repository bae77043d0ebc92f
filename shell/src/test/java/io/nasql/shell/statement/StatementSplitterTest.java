package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.db.Inventory;
import io.nasql.db.TestPostgres;
import io.nasql.shell.cli.Cli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementSplitterTest {
    private static List<String> texts(String script) {
        return StatementSplitter.split(script, "t.iql", Backend.H2).stream().map(Statement::text).toList();
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        assertThat(texts("SELECT 'a;b' AS \"x;y\"; -- c; d\nSELECT 2 /* e; f */;"))
                .containsExactly("SELECT 'a;b' AS \"x;y\"", "-- c; d\nSELECT 2 /* e; f */");
    }

    @Test
    void aNameStartingWithASupplementaryCharacterHidesNoStatement() {
        String x = "\uD835\uDCB3"; // U+1D4B3, a Java identifier start H2 reads as one code point
        assertThat(texts("SELECT 1 AS " + x + "$$; DROP TABLE t; SELECT 2 AS " + x + "$$"))
                .containsExactly("SELECT 1 AS " + x + "$$", "DROP TABLE t", "SELECT 2 AS " + x + "$$");
        assertThat(StatementEffects.isQuery("SELECT 1 AS " + x + "$$; DROP TABLE t; SELECT 2 AS " + x + "$$", Backend.H2)).isFalse();
        assertThat(StatementEffects.writesResource("SELECT 1 AS " + x + "$$; DROP TABLE nas_trials; SELECT 2 AS " + x + "$$", Backend.H2)).isTrue();
    }

    @Test
    void doubledQuotesStayInsideTheirLiteral() {
        assertThat(texts("SELECT 'it''s; fine'; SELECT 2")).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    }

    @Test
    void hintsStayWithTheirStatement() {
        assertThat(texts("/*+ delete */\nDELETE FROM google.aiplatform.nas_jobs WHERE a = 1;"))
                .containsExactly("/*+ delete */\nDELETE FROM google.aiplatform.nas_jobs WHERE a = 1");
    }

    @Test
    void theLastStatementNeedsNoSemicolonAndEmptyOnesAreSkipped() {
        assertThat(texts(";;  \n-- only a comment\n;SELECT 1;\n\nSELECT\n  2\n")).containsExactly("SELECT 1", "SELECT\n  2");
    }

    @Test
    void statementsKnowTheirLineAndColumn() {
        List<Statement> statements = StatementSplitter.split("SELECT 1;\n\n  SELECT\n 2;", "t.iql", Backend.H2);
        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(3);
        assertThat(statements.get(1).positionOf(8)).isEqualTo("t.iql:4:2");
    }

    @Test
    void anOpenQuoteOrCommentIsReportedAsIncomplete() {
        assertThat(StatementSplitter.scan("SELECT 'abc;", "t", Backend.H2).remainderInsideQuoteOrComment()).isTrue();
        assertThat(StatementSplitter.scan("SELECT 1 /* x;", "t", Backend.H2).remainderInsideQuoteOrComment()).isTrue();
        StatementSplitter.Split split = StatementSplitter.scan("SELECT 1; SELECT", "t", Backend.H2);
        assertThat(split.statements()).hasSize(1);
        assertThat(split.remainder()).isEqualTo(" SELECT");
    }

    @Test
    void kindsAreJudgedByTheFirstWordsOutsideComments() {
        assertThat(StatementKind.of("/*+ create */ INSERT INTO google.aiplatform.nas_jobs (a) SELECT 1", Backend.H2)).isEqualTo(StatementKind.INSERT_JOBS);
        assertThat(StatementKind.of("insert into aiplatform.nas_jobs values (1)", Backend.H2)).isEqualTo(StatementKind.INSERT_JOBS);
        assertThat(StatementKind.of("INSERT INTO my_table SELECT * FROM google.aiplatform.nas_jobs", Backend.H2)).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("-- x\nDELETE FROM google.aiplatform.nas_jobs WHERE 1=1", Backend.H2)).isEqualTo(StatementKind.DELETE_JOBS);
        assertThat(StatementKind.of("DELETE FROM google.aiplatform.nas_trials", Backend.H2)).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("EXEC google.aiplatform.nas_jobs.cancel @a='b'", Backend.H2)).isEqualTo(StatementKind.EXEC);
        assertThat(StatementKind.of("update google.aiplatform.nas_jobs set state = 'x'", Backend.H2)).isEqualTo(StatementKind.UPDATE_JOBS);
        assertThat(StatementKind.of("SET max_age = 0", Backend.H2)).isEqualTo(StatementKind.SETTING);
        assertThat(StatementKind.of("SET MODE PostgreSQL", Backend.H2)).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("show methods in google.aiplatform.nas_jobs", Backend.H2)).isEqualTo(StatementKind.SHOW_METHODS);
        assertThat(StatementKind.of("SHOW TABLES", Backend.H2)).isEqualTo(StatementKind.SQL);
    }

    private static List<String> postgresTexts(String script) {
        return StatementSplitter.split(script, "t.sql", Backend.POSTGRESQL).stream().map(Statement::text).toList();
    }

    @Test
    void onPostgresqlDollarTagsAndEscapeStringsHideTheirSemicolons() {
        String script = "SELECT $fn$ it's; $$ $fn$ AS a; SELECT E'it\\'s; fine' AS b; SELECT e'\\\\' AS c; SELECT $1";
        assertThat(postgresTexts(script)).containsExactly("SELECT $fn$ it's; $$ $fn$ AS a", "SELECT E'it\\'s; fine' AS b",
                "SELECT e'\\\\' AS c", "SELECT $1");
        // H2 reads $fn$ as a name and E'it\'s; ...' as ending at \', so it splits elsewhere.
        assertThat(texts(script)).hasSize(3);
    }

    @Test
    void onPostgresqlDoubleSlashAndBackticksAreNotCommentsOrQuotes() {
        assertThat(postgresTexts("SELECT 1 //; SELECT 2")).containsExactly("SELECT 1 //", "SELECT 2");
        assertThat(texts("SELECT 1 //; SELECT 2")).containsExactly("SELECT 1 //; SELECT 2");
        assertThat(postgresTexts("SELECT 1 `; SELECT 2")).containsExactly("SELECT 1 `", "SELECT 2");
        assertThat(texts("SELECT 1 `; SELECT 2")).containsExactly("SELECT 1 `; SELECT 2");
        assertThat(postgresTexts("SELECT 1 /* a /* nested; */ still; */; SELECT 2")).hasSize(2);
    }

    @Test
    void onPostgresqlAnUnclosedDollarQuoteOrEscapeStringAsksForMore() {
        assertThat(StatementSplitter.scan("SELECT $body$ ; ", "t", Backend.POSTGRESQL).remainderInsideQuoteOrComment()).isTrue();
        assertThat(StatementSplitter.scan("SELECT E'\\'; ", "t", Backend.POSTGRESQL).remainderInsideQuoteOrComment()).isTrue();
        assertThat(StatementSplitter.scan("SELECT E'\\'; ", "t", Backend.H2).remainderInsideQuoteOrComment()).isFalse();
    }

    @Test
    void whatThePostgresqlSplitGivesIsWhatPostgresqlRuns() throws Exception {
        String script = "SELECT $fn$ it's; $$ $fn$ AS a; SELECT E'it\\'s; fine' AS b; SELECT 'a\\' AS c";
        List<String> values = new java.util.ArrayList<>();
        try (Inventory inventory = TestPostgres.freshInventory(); java.sql.Connection c = inventory.connection();
             java.sql.Statement s = c.createStatement()) {
            for (String statement : postgresTexts(script)) {
                try (java.sql.ResultSet rs = s.executeQuery(statement)) {
                    rs.next();
                    values.add(rs.getString(1));
                }
            }
        }
        assertThat(values).containsExactly(" it's; $$ ", "it's; fine", "a\\");
    }

    @Test
    void aScriptOnAPostgresqlInventoryIsSplitAsPostgresqlReadsIt(@TempDir Path home) {
        Cli.Result result = Cli.run(home, "SELECT $x$ a; b $x$ AS v;\nSELECT E'c\\'; d' AS w;", "--db", TestPostgres.freshGoogle(), "-o", "text");
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).containsExactly("v", " a; b ", "w", "c'; d");
    }
}
