package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
    void aliasLabelsAreTheStatementsMixedCaseAliasesButNotTypes() {
        assertThat(PostgresIdentifiers.aliasLabels("SELECT CAST(t AS Date) AS observedOn, CAST(x AS Numeric(4)) AS n,"
                + " COUNT(*) AS Count, 1 AS HOURS, 'AS quotedAlias' FROM t"))
                .isEqualTo(Map.of("observedon", "observedOn", "count", "Count"));
    }

    @Test
    void theColumnNameOfAnyCaseIsTheInventorysSpelling() {
        assertThat(PostgresIdentifiers.columnName("displayname")).isEqualTo("displayName");
        assertThat(PostgresIdentifiers.columnName("jobs")).isEqualTo("jobs");
    }
}
