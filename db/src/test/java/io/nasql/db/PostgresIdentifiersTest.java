package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresIdentifiersTest {
    @Test
    void onlyTheInventorysCamelCaseColumnsAreQuoted() {
        assertThat(PostgresIdentifiers.quote("SELECT displayName, state, json_value(labels, '$.team') AS labelValue"
                + " FROM google.aiplatform.nas_jobs j WHERE j.projectsId = 'displayName' ORDER BY labelvalue NULLS FIRST"))
                .isEqualTo("SELECT \"displayName\", state, json_value(labels, '$.team') AS labelValue"
                        + " FROM google.aiplatform.nas_jobs j WHERE j.\"projectsId\" = 'displayName' ORDER BY labelvalue NULLS FIRST");
    }

    @Test
    void typesAliasesKeywordsAndFunctionsInAnyCaseStayAsTheyAre() {
        String sql = "SELECT CAST(createTime AS Date) AS Day, Count(*) AS Count, CAST(x AS Numeric(12, 1)) AS Name, "
                + "Coalesce(endTime, Current_Timestamp) AS observedOn FROM nas_jobs Where State = 'RUNNING' Group By Day";
        assertThat(PostgresIdentifiers.quote(sql)).isEqualTo("SELECT CAST(\"createTime\" AS Date) AS Day, Count(*) AS Count, "
                + "CAST(x AS Numeric(12, 1)) AS Name, Coalesce(\"endTime\", Current_Timestamp) AS observedOn FROM nas_jobs "
                + "Where State = 'RUNNING' Group By Day");
    }

    @Test
    void literalsQuotedNamesCommentsAndDollarQuotesAreLeftAlone() {
        String sql = "SELECT \"displayName\", 'it''s nasJobsId', E'\\'updateTime', e'\\\\' || endTime, $$createTime$$, "
                + "$tag$ startTime $x$ $tag$ /* syncedAt /* nested */ labelKey */ -- endTime\n FROM t";
        assertThat(PostgresIdentifiers.quote(sql)).isEqualTo(sql.replace("|| endTime", "|| \"endTime\""));
    }

    @Test
    void withStandardConformingStringsOffABackslashEscapesInEveryString() {
        String sql = "SELECT displayName AS Shown FROM t WHERE displayName <> 'x\\' AND projectsId = ' AND projectsId = 'p'";
        assertThat(PostgresIdentifiers.quote(sql, true)).isEqualTo("SELECT \"displayName\" AS Shown FROM t WHERE \"displayName\""
                + " <> 'x\\' AND projectsId = ' AND \"projectsId\" = 'p'");
        // With the setting on (the default) the backslash is a character, and the first string ends after it.
        assertThat(PostgresIdentifiers.quote(sql, false)).isEqualTo("SELECT \"displayName\" AS Shown FROM t WHERE \"displayName\""
                + " <> 'x\\' AND \"projectsId\" = ' AND projectsId = 'p'");
        assertThat(PostgresIdentifiers.selectListNames("SELECT 'a\\' AS b, ' AS Shown", true)).containsExactly("Shown");
    }

    @Test
    void aNonAsciiCharacterStartsANameOrATagAsInPostgres() {
        // PostgreSQL's scanner: €$$ is one name (no $$ string opens), and $€$ opens a dollar-quoted string.
        assertThat(PostgresIdentifiers.quote("SELECT 1 AS €$$, displayName FROM google.aiplatform.nas_jobs"))
                .isEqualTo("SELECT 1 AS €$$, \"displayName\" FROM google.aiplatform.nas_jobs");
        assertThat(PostgresIdentifiers.quote("SELECT $€$ endTime $$ $€$, displayName, $٣$ state $٣$ FROM t"))
                .isEqualTo("SELECT $€$ endTime $$ $€$, \"displayName\", $٣$ state $٣$ FROM t");
    }

    @Test
    void aLineCommentEndsAtACarriageReturnAsInPostgres() {
        // PostgreSQL's scanner ends -- at \r too, so the column after it is SQL and must be quoted.
        assertThat(PostgresIdentifiers.quote("SELECT state -- note\r, displayName FROM t"))
                .isEqualTo("SELECT state -- note\r, \"displayName\" FROM t");
        assertThat(PostgresIdentifiers.selectListNames("SELECT state -- x\r, displayName AS Shown FROM t")).containsExactly("state", "Shown");
    }

    @Test
    void namesAreTheOuterSelectListsAliasesAndReferencesColumnByColumnButNotTypesOrSubqueries() {
        assertThat(PostgresIdentifiers.selectListNames("SELECT CAST(t AS Date) AS observedOn, CAST(x AS Numeric(4)) AS n,"
                + " COUNT(*) AS Count, 1 AS HOURS, 'AS quotedAlias', x::Numeric, count(*) c, (SELECT 1 AS Inner) FROM t"))
                .containsExactly("observedOn", "n", "Count", "HOURS", null, null, "c", null);
        assertThat(PostgresIdentifiers.selectListNames("WITH c AS (SELECT 1 AS Inside) SELECT DISTINCT ON (a) a AS Outside, c.Inside,"
                + " Inside, Inside + 1, \"c\".Inside FROM c")).containsExactly("Outside", "Inside", "Inside", null, "Inside");
        assertThat(PostgresIdentifiers.selectListNames("SELECT a AS One, *, b AS Two FROM t")).as("columns after * cannot be counted")
                .containsExactly("One");
        assertThat(PostgresIdentifiers.selectListNames("SELECT * FROM (SELECT count(*) AS Jobs) t")).isEmpty();
    }

    @Test
    void aLabelIsSpelledBackOnlyWhenItIsTheAliasFoldedAsPostgresFoldsIt() {
        assertThat(PostgresIdentifiers.label("total", "Total")).isEqualTo("Total");
        assertThat(PostgresIdentifiers.label("total", "total")).isEqualTo("total");
        assertThat(PostgresIdentifiers.label("\u00c4bc", "\u00c4Bc")).as("only ASCII letters fold").isEqualTo("\u00c4Bc");
        assertThat(PostgresIdentifiers.label("\u00e4bc", "\u00c4Bc")).isEqualTo("\u00e4bc");
        assertThat(PostgresIdentifiers.label("?column?", "Total")).isEqualTo("?column?");
    }

    @Test
    void theColumnNameOfAnyCaseIsTheInventorysSpelling() {
        assertThat(PostgresIdentifiers.columnName("displayname")).isEqualTo("displayName");
        assertThat(PostgresIdentifiers.columnName("jobs")).isEqualTo("jobs");
    }
}
