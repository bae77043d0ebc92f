package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresIdentifiersTest {
    @Test
    void camelCaseColumnsAndAliasesAreQuotedAndNothingElse() {
        assertThat(PostgresIdentifiers.quote("SELECT displayName, state, json_value(labels, '$.team') AS labelValue"
                + " FROM google.aiplatform.nas_jobs j WHERE j.projectsId = 'displayName' ORDER BY labelvalue NULLS FIRST"))
                .isEqualTo("SELECT \"displayName\", state, json_value(labels, '$.team') AS \"labelValue\""
                        + " FROM google.aiplatform.nas_jobs j WHERE j.\"projectsId\" = 'displayName' ORDER BY \"labelValue\" NULLS FIRST");
    }

    @Test
    void typesAfterAsInACastStayAsTheyAre() {
        assertThat(PostgresIdentifiers.quote("SELECT CAST(x AS BIGINT) AS hours, CAST(t AS DATE) AS observedOn"))
                .isEqualTo("SELECT CAST(x AS BIGINT) AS hours, CAST(t AS DATE) AS \"observedOn\"");
    }

    @Test
    void literalsQuotedNamesCommentsAndDollarQuotesAreLeftAlone() {
        String sql = "SELECT \"displayName\", 'it''s nasJobsId', E'\\'updateTime', $$createTime$$ /* syncedAt */ -- endTime\n FROM t";
        assertThat(PostgresIdentifiers.quote(sql)).isEqualTo(sql);
    }

    @Test
    void theColumnNameOfAnyCaseIsTheInventorysSpelling() {
        assertThat(PostgresIdentifiers.columnName("displayname")).isEqualTo("displayName");
        assertThat(PostgresIdentifiers.columnName("jobs")).isEqualTo("jobs");
    }
}
