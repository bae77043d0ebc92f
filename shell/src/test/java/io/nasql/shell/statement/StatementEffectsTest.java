package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.db.TestPostgres;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.cli.Cli;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a statement may change, read as the inventory's database reads it. */
class StatementEffectsTest {
    private static final String HIDDEN_BY_ESCAPE = "WITH x AS (SELECT E'\\'' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1)"
            + " SELECT count(*) AS gone FROM d, x WHERE q <> ''''";

    @Test
    void aliasesNamedLikeVerbsAndTheUsersOwnTablesAreNotTheInventorys() {
        for (Backend dialect : Backend.values()) {
            for (String mine : new String[] {
                "SELECT state, count(*) AS copy FROM aiplatform.nas_job_summaries GROUP BY state",
                "SELECT count(*) AS update FROM aiplatform.nas_jobs",
                "SELECT count(*) AS comment, 1 AS drop FROM aiplatform.nas_jobs",
                "CREATE TABLE backup.nas_job_summaries AS SELECT * FROM aiplatform.nas_job_summaries",
                "DROP TABLE scratch.nas_trials",
                "ALTER TABLE mine DROP COLUMN sync_runs"}) {
                assertThat(StatementEffects.writesResource(mine, dialect)).as(dialect + ": " + mine).isFalse();
            }
            for (String inventory : new String[] {
                "DROP ALL OBJECTS", "DROP OWNED BY CURRENT_USER", "REASSIGN OWNED BY me TO you", "RUNSCRIPT FROM '/tmp/x.sql'",
                "DROP TABLE nas_trials", "ALTER TABLE aiplatform.nas_jobs DROP COLUMN state", "EXPLAIN ANALYZE DELETE FROM aiplatform.sync_runs",
                "TRUNCATE mine, google.aiplatform.nas_job_documents"}) {
                assertThat(StatementEffects.writesResource(inventory, dialect)).as(dialect + ": " + inventory).isTrue();
            }
        }
        // \U takes eight hex digits: past Unicode, the escape reads as U+FFFD instead of failing the check.
        assertThat(StatementEffects.writesResource("DO E'\\UFFFFFFFF'", Backend.POSTGRESQL)).isFalse();
    }

    @Test
    void h2TraceSettingsAreRefusedAndOtherSettingsAreNot() {
        for (String trace : new String[] {"SET TRACE_LEVEL_FILE 2", "set trace_level_system_out = 3", "SET \"TRACE_LEVEL_FILE\" 1",
            "SELECT 1; SET TRACE_LEVEL_SYSTEM_OUT 1"}) {
            assertThat(StatementEffects.refusal(trace, Backend.H2, false)).as(trace)
                    .contains("SET TRACE_LEVEL_FILE and SET TRACE_LEVEL_SYSTEM_OUT are refused on an H2 inventory:"
                            + " H2's trace writes SQL and settings where others can read them (use --debug for details)");
        }
        assertThat(StatementEffects.refusal("SET TRACE_MAX_FILE_SIZE 1", Backend.H2, false)).isEmpty();
        assertThat(StatementEffects.refusal("SELECT 'SET TRACE_LEVEL_FILE 2' AS trace_level_file", Backend.H2, false)).isEmpty();
    }

    @Test
    void onPostgresAWriteAfterAnEscapeStringIsSeen() {
        assertThat(StatementEffects.writesResource(HIDDEN_BY_ESCAPE, Backend.POSTGRESQL)).isTrue();
        assertThat(StatementEffects.isQuery("SELECT E'\\'' AS q, 1 AS n", Backend.POSTGRESQL)).isTrue();
        assertThat(StatementEffects.isQuery("SELECT E'\\'' AS q; DELETE FROM t", Backend.POSTGRESQL)).isFalse();
    }

    @Test
    void aWriteInsideCodeCarriedAsAStringIsSeen() {
        for (String code : new String[] {
            "DO $$ BEGIN DELETE FROM aiplatform.nas_job_documents; END $$",
            "DO $body$ BEGIN DELETE FROM aiplatform.nas_jobs; END $body$",
            "DO 'BEGIN TRUNCATE aiplatform.nas_job_summaries; END'",
            "CREATE FUNCTION f() RETURNS VOID LANGUAGE sql AS 'DELETE FROM aiplatform.nas_job_documents'",
            "CREATE OR REPLACE PROCEDURE p() LANGUAGE plpgsql AS $f$ BEGIN UPDATE aiplatform.nas_job_summaries SET state = 'x'; END $f$",
            "SELECT $q$ $$ $q$, $$ DELETE FROM aiplatform.nas_jobs $$"}) {
            assertThat(StatementEffects.writesResource(code, Backend.POSTGRESQL)).as(code).isTrue();
        }
        assertThat(StatementEffects.writesResource("CREATE ALIAS F AS $$ DELETE FROM aiplatform.nas_job_documents $$", Backend.H2)).isTrue();
    }

    @Test
    void textThatOnlyMentionsTheTableWritesNothing() {
        assertThat(StatementEffects.writesResource("SELECT 'DELETE FROM aiplatform.nas_jobs' AS note", Backend.POSTGRESQL)).isFalse();
        assertThat(StatementEffects.writesResource("DO $$ BEGIN DELETE FROM public.notes; END $$", Backend.POSTGRESQL)).isFalse();
        assertThat(StatementEffects.writesResource("SELECT displayName FROM aiplatform.nas_jobs", Backend.POSTGRESQL)).isFalse();
    }

    /** Every table and view of the inventory's schemas, on H2 and PostgreSQL, is one the guard knows (a new migration's table too). */
    @Test
    void theGuardKnowsEveryTableOfTheInventory() throws Exception {
        for (String db : new String[] {Cli.memoryDb(), TestPostgres.freshGoogle()}) {
            try (InventoryAccess inventory = new InventoryAccess(db, null)) {
                Connection connection = inventory.connection();
                int tables = 0;
                for (String schema : new String[] {"aiplatform", "nasql"}) {
                    try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                        while (rs.next()) {
                            tables++;
                            assertThat(StatementEffects.INVENTORY_NAMES).as(db).contains(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
                assertThat(tables).as(db).isGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void postgresStringContinuationAndUnicodeEscapesAreReadAsTheServerReadsThem() {
        SqlToken continued = SqlTokenizer.significant("SELECT E'a'\n-- it's\n'\\'' AS q", Backend.POSTGRESQL).get(1);
        assertThat(continued.stringValue()).isEqualTo("a'");
        assertThat(SqlTokenizer.significant("SELECT 'a' 'b'", Backend.POSTGRESQL)).hasSize(3);
        assertThat(SqlTokenizer.significant("SELECT U&'d\\0061t\\+000061' x", Backend.POSTGRESQL).get(1).stringValue()).isEqualTo("data");
        assertThat(SqlTokenizer.significant("SELECT U&\"d!0061t!!\" UESCAPE '!'", Backend.H2).get(1).name()).isEqualTo("dat!");
        assertThat(SqlTokenizer.significant("SELECT '\\'' AS q", Backend.POSTGRESQL, true).get(1).stringValue()).isEqualTo("'");
        assertThat(StatementEffects.writesResource("SELECT $$ x $$, 'DELETE FROM aiplatform.nas_jobs'", Backend.POSTGRESQL)).isFalse();
        assertThat(StatementEffects.isQuery("SELECT replace(displayName, 'a', 'b') FROM nas_jobs", Backend.H2)).isTrue();
        assertThat(StatementEffects.writesResource("COMMENT ON COLUMN aiplatform.nas_trials.state IS 'x'", Backend.POSTGRESQL)).isTrue();
        assertThat(StatementEffects.writesResource("CREATE TABLE mine AS SELECT s.state FROM mine0 m JOIN aiplatform.nas_job_summaries s"
                + " ON nas_job_summaries.name = m.name", Backend.POSTGRESQL)).isFalse();
        assertThat(StatementEffects.writesResource("GRANT SELECT ON ALL TABLES IN SCHEMA aiplatform TO nas_reader", Backend.POSTGRESQL)).isFalse();
    }
}
