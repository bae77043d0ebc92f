package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch runner end to end: script text in, captured output and exit code out. */
class BatchModeTest {
    @TempDir
    Path home;
    String db;

    @BeforeEach
    void inventory() {
        db = Cli.memoryDb();
    }

    @Test
    void eachFormatPrintsTypedResults() {
        String query = "SELECT 1 AS n, TRUE AS b, 'x,y' AS s, JSON '{\"a\":[1,2]}' AS j,"
                + " TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00Z' AS t, NULL AS z";
        assertThat(Cli.sql(home, db, "-o", "json", "-e", query).out())
                .isEqualTo("[\n{\"n\":1,\"b\":true,\"s\":\"x,y\",\"j\":{\"a\":[1,2]},\"t\":\"2026-11-01T10:00Z\",\"z\":null}\n]\n");
        assertThat(Cli.sql(home, db, "-o", "csv", "-e", query).out())
                .isEqualTo("n,b,s,j,t,z\n1,true,\"x,y\",\"{\"\"a\"\":[1,2]}\",2026-11-01T10:00Z,\n");
        assertThat(Cli.sql(home, db, "-o", "text", "-e", query).out())
                .isEqualTo("n\tb\ts\tj\tt\tz\n1\ttrue\tx,y\t{\"a\":[1,2]}\t2026-11-01T10:00Z\t\n");
    }

    @Test
    void introspectionPrintsWhatTheReferencePageSays() {
        assertThat(Cli.sql(home, db, "-o", "csv", "-e", "SHOW SERVICES").out()).isEqualTo("id,name,title\naiplatform:v1,aiplatform,Vertex AI API\n");
        assertThat(Cli.sql(home, db, "-o", "text", "-e", "SHOW RESOURCES IN google.aiplatform").out())
                .startsWith("name\tid\tdescription\nnas_jobs\tgoogle.aiplatform.nas_jobs\tCreates, updates, deletes, gets or lists a nas_jobs resource.\n")
                .contains("nas_trials\tgoogle.aiplatform.nas_trials\t");
        String methods = Cli.sql(home, db, "-o", "text", "-e", "SHOW METHODS IN google.aiplatform.nas_jobs").out();
        assertThat(methods.lines()).hasSize(6).first().isEqualTo("MethodName\tRequiredParams\tSQLVerb\tdescription");
        assertThat(methods).contains("\ncancel\tlocationsId, nasJobsId, projectsId\tEXEC\tCancels a NasJob.")
                .contains("\nlist\tlocationsId, projectsId\tSELECT\tLists NasJobs in a Location.\n");
        String describe = Cli.sql(home, db, "-o", "text", "-e", "DESCRIBE google.aiplatform.nas_jobs").out();
        assertThat(describe.lines()).hasSize(16);
        assertThat(describe).contains("\nlabels\tobject\tThe labels with user-defined metadata");
        assertThat(Cli.sql(home, db, "-o", "text", "-e", "DESCRIBE google.aiplatform.sync_scopes").out())
                .contains("\nstatus\tcharacter varying\t");
        Cli.Result unknown = Cli.sql(home, db, "-e", "DESCRIBE google.aiplatform.custom_jobs");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown resource 'google.aiplatform.custom_jobs'");
    }

    @Test
    void templatesComeFromYamlAndJsonFilesAndVars() throws Exception {
        Path yaml = home.resolve("vars.yaml");
        Files.writeString(yaml, "name: \"o'brien\"\nlabels:\n  team: vision\nflag: true\n");
        Path json = home.resolve("vars.json");
        Files.writeString(json, "{\"count\": 3}");
        Cli.Result result = Cli.sql(home, db, "--vars", yaml.toString(), "--vars", json.toString(), "--var", "extra=x",
                "-o", "text", "-e", "SELECT '{{ name }}' AS n, '{{labels}}' AS l, {{ flag }} AS f, {{ count }} + 1 AS c, '{{ extra }}' AS e");
        assertThat(result.out()).isEqualTo("n\tl\tf\tc\te\no'brien\t{\"team\":\"vision\"}\ttrue\t4\tx\n");
    }

    @Test
    void aMissingVariableNamesItselfWithFileAndLine() throws Exception {
        Path script = home.resolve("s.iql");
        Files.writeString(script, "SELECT 1;\nSELECT\n  '{{ projectsId }}';\n");
        Cli.Result result = Cli.sql(home, db, "-f", script.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: " + script + ":3:4: no value for template variable 'projectsId'");
    }

    @Test
    void dryRunPrintsTheRenderedStatementsAndRunsNothing() {
        Cli.Result result = Cli.sql(home, db, "--dry-run", "--var", "p=proj-a",
                "-e", "CREATE TABLE t (x INT); DELETE FROM google.aiplatform.nas_jobs WHERE projectsId = '{{ p }}'");
        assertThat(result.out()).isEqualTo("CREATE TABLE t (x INT);\nDELETE FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-a';\n");
        assertThat(Cli.sql(home, db, "-e", "SELECT * FROM t").err()).contains("Table \"t\" not found");
    }

    @Test
    void theFirstFailureStopsTheBatchWithFileLineAndColumn() throws Exception {
        Path script = home.resolve("bad.iql");
        Files.writeString(script, "CREATE TABLE t (x INT);\n\nSELECT x FROM t WHERE;\nINSERT INTO t VALUES (1);\n");
        Cli.Result result = Cli.sql(home, db, "-f", script.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: " + script + ":3:").contains("Syntax error in SQL statement")
                .doesNotContain("\tat ").hasLineCount(1);
        assertThat(Cli.sql(home, db, "-o", "text", "-e", "SELECT COUNT(*) AS c FROM t").out()).isEqualTo("c\n0\n");
    }

    @Test
    void ignoreErrorsGoesOnButStillFails() {
        Cli.Result result = Cli.sql(home, db, "--ignore-errors", "-o", "text", "-e", "SELECT nope; SELECT 2 AS two");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("two\n2\n");
        assertThat(result.err()).startsWith("error: -e:1:");
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(Cli.sql(home, db, "--debug", "-e", "SELECT nope").err()).contains("\tat ");
    }

    @Test
    void stdinIsReadWithDashFOrWhenItIsNotATerminal() {
        Cli.Result piped = Cli.run(home, "SELECT 41 + 1 AS answer;", "--db", db, "-o", "text");
        assertThat(piped.out()).isEqualTo("answer\n42\n");
        Cli.Result dash = Cli.run(home, "SELECT 'x' AS y", "--db", db, "-o", "csv", "-f", "-");
        assertThat(dash.out()).isEqualTo("y\nx\n");
    }

    @Test
    void writeVerbsAreRoutedAndNeverRunLocally() {
        Cli.sql(home, db, "-e", "SELECT 1");
        Cli.Result update = Cli.sql(home, db, "-e", "UPDATE google.aiplatform.nas_jobs SET state = 'X'");
        assertThat(update.code()).isEqualTo(1);
        assertThat(update.err()).contains("has no update method");
    }

    @Test
    void localStatementsPrintTheirCountInTableFormat() {
        assertThat(Cli.sql(home, db, "-e", "CREATE TABLE t (x INT); INSERT INTO t VALUES (1), (2)").out()).isEqualTo("OK\nOK, 2 rows affected\n");
        assertThat(Cli.sql(home, db, "-o", "json", "-e", "CREATE TABLE u (x INT)").out()).isEmpty();
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Result result = Cli.sql(home, db, "--no-such-flag");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--no-such-flag'");
        assertThat(Cli.sql(home, db, "-o", "xml", "-e", "SELECT 1").code()).isEqualTo(2);
        assertThat(Cli.sql(home, db, "-f", "/no/such/file.iql").err()).contains("no such file");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(Cli.run(home, "", "--version").out()).startsWith("nasql ");
        assertThat(Cli.run(home, "", "--help").out()).contains("Usage: nasql").contains("Exit codes:");
    }

    @Test
    void settingsChangeTheSession() {
        assertThat(Cli.sql(home, db, "-e", "SET output = csv; SELECT 1 AS a").out()).isEqualTo("a\n1\n");
        assertThat(Cli.sql(home, db, "-e", "SET max_age = soon").err()).contains("'soon' is not a duration");
        assertThat(Cli.sql(home, db, "-e", "SET running_refresh = 5m; SET running_refresh = 0").code()).isZero();
        assertThat(Cli.sql(home, db, "-e", "SET running_refresh = often").err()).contains("'often' is not a duration");
    }

    @Test
    void showInsertPrintsTheTemplateStackQlDoesReadyToPaste() {
        assertThat(Cli.sql(home, db, "-e", "SHOW INSERT INTO google.aiplatform.nas_jobs;").out()).isEqualTo("""
                INSERT INTO google.aiplatform.nas_jobs (
                locationsId,
                projectsId,
                enableRestrictedImageTraining,
                labels,
                nasJobSpec,
                displayName,
                encryptionSpec
                )
                SELECT
                '{{ locationsId }}',
                '{{ projectsId }}',
                {{ enableRestrictedImageTraining }},
                '{{ labels }}',
                '{{ nasJobSpec }}',
                '{{ displayName }}',
                '{{ encryptionSpec }}'
                ;
                """);
        assertThat(Cli.sql(home, db, "-e", "SHOW /*+ REQUIRED */ INSERT INTO google.aiplatform.nas_jobs;").out()).isEqualTo("""
                INSERT INTO google.aiplatform.nas_jobs (
                locationsId,
                projectsId,
                nasJobSpec,
                displayName
                )
                SELECT
                '{{ locationsId }}',
                '{{ projectsId }}',
                '{{ nasJobSpec }}',
                '{{ displayName }}'
                ;
                """);
        assertThat(Cli.sql(home, db, "-o", "json", "-e", "SHOW INSERT INTO google.aiplatform.nas_jobs").out())
                .startsWith("[\n{\"insert_statement\":\"INSERT INTO google.aiplatform.nas_jobs (\\nlocationsId,\\n");
        assertThat(Cli.sql(home, db, "-e", "SHOW INSERT INTO google.aiplatform.custom_jobs").err())
                .contains("write it as SHOW INSERT INTO google.aiplatform.nas_jobs");
    }

    @Test
    void outputFitsPipesCsvWithNewlinesJsonLinesAndNoRawControlCharacters() {
        assertThat(Cli.sql(home, db, "-o", "csv", "-e", "SELECT 1 AS a, 'x' AS b").out()).isEqualTo("a,b\n1,x\n");
        assertThat(Cli.sql(home, db, "--csv-crlf", "-o", "csv", "-e", "SELECT 1 AS a").out()).isEqualTo("a\r\n1\r\n");
        assertThat(Cli.sql(home, db, "report", "sync-freshness", "-o", "csv", "--csv-crlf").out()).endsWith("errorMessage\r\n");
        assertThat(Cli.sql(home, db, "-o", "jsonl", "-e", "SELECT X AS n, JSON '{\"a\":[1]}' AS j FROM SYSTEM_RANGE(1, 3)").out())
                .isEqualTo("{\"n\":1,\"j\":{\"a\":[1]}}\n{\"n\":2,\"j\":{\"a\":[1]}}\n{\"n\":3,\"j\":{\"a\":[1]}}\n");
        assertThat(Cli.sql(home, db, "-e", "SELECT 'a' || CHAR(27) || '[2J' AS t").out()).contains("| a\\x1b[2J |").doesNotContain("\u001b");
        // Not a terminal (as here): no colour in the vertical form.
        assertThat(Cli.sql(home, db, "-o", "vertical", "-e", "SELECT JSON '{\"k\":1}' AS j").out()).isEqualTo("""
                -[ RECORD 1 ]---
                j | {
                  |   "k": 1
                  | }
                (1 row)
                """);
    }
}
