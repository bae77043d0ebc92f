package io.nasql.shell.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadOnlyGuardTest {
    @Test
    void readingStatementsPass() {
        assertThat(ReadOnlyGuard.refusal("SELECT displayName FROM google.aiplatform.nas_jobs WHERE displayName = 'DROP TABLE x; DELETE'"))
                .isNull();
        assertThat(ReadOnlyGuard.refusal("/* report */ WITH j AS (SELECT 1) SELECT * FROM j; -- DROP\n")).isNull();
        assertThat(ReadOnlyGuard.refusal("SET DATESTYLE = ISO; SHOW search_path; BEGIN; SELECT 1; COMMIT")).isNull();
        assertThat(ReadOnlyGuard.refusal("SELECT \"drop\" FROM t")).isNull();
        assertThat(ReadOnlyGuard.refusal("")).isNull();
    }

    @Test
    void writesDdlScriptsFilesAndDatabaseSettingsAreRefused() {
        assertThat(ReadOnlyGuard.refusal("DELETE FROM google.aiplatform.nas_jobs")).isEqualTo("DELETE");
        assertThat(ReadOnlyGuard.refusal("SELECT 1; DROP TABLE google.aiplatform.nas_jobs")).isEqualTo("DROP");
        assertThat(ReadOnlyGuard.refusal("create alias x as 'String f() { return \"\"; }'")).isEqualTo("CREATE");
        assertThat(ReadOnlyGuard.refusal("SELECT FILE_WRITE('x', '/tmp/y')")).isEqualTo("FILE_WRITE");
        assertThat(ReadOnlyGuard.refusal("SELECT * FROM CSVREAD('/etc/passwd')")).isEqualTo("CSVREAD");
        assertThat(ReadOnlyGuard.refusal("SET DATABASE_EVENT_LISTENER 'x.Y'")).isEqualTo("SET DATABASE_EVENT_LISTENER");
        assertThat(ReadOnlyGuard.refusal("RUNSCRIPT FROM 'x.sql'")).isEqualTo("RUNSCRIPT");
        assertThat(ReadOnlyGuard.refusal("CALL 1")).isEqualTo("CALL");
    }

    @Test
    void quotedNamesAndDollarsInNamesDoNotHideAFunction() {
        assertThat(ReadOnlyGuard.refusal("SELECT \"file_write\"('x', '/tmp/y')")).isEqualTo("FILE_WRITE");
        assertThat(ReadOnlyGuard.refusal("SELECT a$$b, FILE_READ('/etc/passwd') FROM t")).isEqualTo("FILE_READ");
        assertThat(ReadOnlyGuard.refusal("SELECT x FROM t WHERE y = $$FILE_READ$$")).isNull();
        // H2 starts a name with any Java identifier start, such as a currency sign: no $$ string there.
        assertThat(ReadOnlyGuard.refusal("SELECT 1 €$$; CREATE LOCAL TEMPORARY TABLE t(x INT); SELECT 2 €$$")).isEqualTo("CREATE");
    }

    @Test
    void commentsEndWhereH2EndsThem() {
        // H2 ends a -- or // comment at \r as well as \n: what follows runs.
        assertThat(ReadOnlyGuard.refusal("SELECT 1 -- note\r; DROP TABLE google.aiplatform.nas_jobs")).isEqualTo("DROP");
        assertThat(ReadOnlyGuard.refusal("SELECT 1 // note\r; DELETE FROM t")).isEqualTo("DELETE");
        // Block comments nest in H2: the inner */ does not end the outer one, so nothing is written here.
        assertThat(ReadOnlyGuard.refusal("SELECT 1 /* a /* b */ ; DROP TABLE t */")).isNull();
        // Backquoted names are names too.
        assertThat(ReadOnlyGuard.refusal("SELECT `file_write`('x', '/tmp/y')")).isEqualTo("FILE_WRITE");
    }
}
