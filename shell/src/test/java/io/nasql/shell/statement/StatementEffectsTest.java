package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import org.junit.jupiter.api.Test;

/** What a statement may change, read as the inventory's database reads it. */
class StatementEffectsTest {
    private static final String HIDDEN_BY_ESCAPE = "WITH x AS (SELECT E'\\'' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1)"
            + " SELECT count(*) AS gone FROM d, x WHERE q <> ''''";

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
}
