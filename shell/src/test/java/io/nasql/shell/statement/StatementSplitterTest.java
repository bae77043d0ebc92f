package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {
    private static List<String> texts(String script) {
        return StatementSplitter.split(script, "t.iql").stream().map(Statement::text).toList();
    }

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        assertThat(texts("SELECT 'a;b' AS \"x;y\"; -- c; d\nSELECT 2 /* e; f */;"))
                .containsExactly("SELECT 'a;b' AS \"x;y\"", "-- c; d\nSELECT 2 /* e; f */");
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
        List<Statement> statements = StatementSplitter.split("SELECT 1;\n\n  SELECT\n 2;", "t.iql");
        assertThat(statements.get(1).line()).isEqualTo(3);
        assertThat(statements.get(1).column()).isEqualTo(3);
        assertThat(statements.get(1).positionOf(8)).isEqualTo("t.iql:4:2");
    }

    @Test
    void anOpenQuoteOrCommentIsReportedAsIncomplete() {
        assertThat(StatementSplitter.scan("SELECT 'abc;", "t").remainderInsideQuoteOrComment()).isTrue();
        assertThat(StatementSplitter.scan("SELECT 1 /* x;", "t").remainderInsideQuoteOrComment()).isTrue();
        StatementSplitter.Split split = StatementSplitter.scan("SELECT 1; SELECT", "t");
        assertThat(split.statements()).hasSize(1);
        assertThat(split.remainder()).isEqualTo(" SELECT");
    }

    @Test
    void kindsAreJudgedByTheFirstWordsOutsideComments() {
        assertThat(StatementKind.of("/*+ create */ INSERT INTO google.aiplatform.nas_jobs (a) SELECT 1")).isEqualTo(StatementKind.INSERT_JOBS);
        assertThat(StatementKind.of("insert into aiplatform.nas_jobs values (1)")).isEqualTo(StatementKind.INSERT_JOBS);
        assertThat(StatementKind.of("INSERT INTO my_table SELECT * FROM google.aiplatform.nas_jobs")).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("-- x\nDELETE FROM google.aiplatform.nas_jobs WHERE 1=1")).isEqualTo(StatementKind.DELETE_JOBS);
        assertThat(StatementKind.of("DELETE FROM google.aiplatform.nas_trials")).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("EXEC google.aiplatform.nas_jobs.cancel @a='b'")).isEqualTo(StatementKind.EXEC);
        assertThat(StatementKind.of("update google.aiplatform.nas_jobs set state = 'x'")).isEqualTo(StatementKind.UPDATE_JOBS);
        assertThat(StatementKind.of("SET max_age = 0")).isEqualTo(StatementKind.SETTING);
        assertThat(StatementKind.of("SET MODE PostgreSQL")).isEqualTo(StatementKind.SQL);
        assertThat(StatementKind.of("show methods in google.aiplatform.nas_jobs")).isEqualTo(StatementKind.SHOW_METHODS);
        assertThat(StatementKind.of("SHOW TABLES")).isEqualTo(StatementKind.SQL);
    }
}
