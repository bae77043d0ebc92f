package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final String SPEC = "{\"multiTrialAlgorithmSpec\":{\"metric\":{\"goal\":\"MAXIMIZE\",\"metricId\":\"acc\"},"
            + "\"searchTrialSpec\":{\"maxTrialCount\":20}},\"pools\":[{\"replicaCount\":\"1\"},{\"replicaCount\":\"4\"}],"
            + "\"a.b\":true,\"none\":null}";

    @Test
    void readsScalarsAtObjectPaths() {
        assertThat(JsonPath.value(SPEC, "$.multiTrialAlgorithmSpec.metric.goal")).isEqualTo("MAXIMIZE");
        assertThat(JsonPath.value(SPEC, "$.multiTrialAlgorithmSpec.searchTrialSpec.maxTrialCount")).isEqualTo("20");
        assertThat(JsonPath.value(SPEC, "$['a.b']")).isEqualTo("true");
        // A quoted key, as PostgreSQL's jsonpath writes one: a '-' or '.' in it is part of the key.
        assertThat(JsonPath.value(SPEC, "$.\"a.b\"")).isEqualTo("true");
        assertThat(JsonPath.value("{\"labels\":{\"cost-center\":\"x1\"}}", "$.labels.\"cost-center\"")).isEqualTo("x1");
    }

    @Test
    void repeatedSmallDocumentsGiveTheSameAnswersPerPath() {
        String labels = "{\"owner\":\"dana\",\"team\":\"vision\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(JsonPath.value(labels, "$.team")).isEqualTo("vision");
            assertThat(JsonPath.value(labels, "$.owner")).isEqualTo("dana");
            assertThat(JsonPath.value(labels, "$.absent")).isNull();
            assertThat(JsonPath.value("{\"team\":\"speech\"}", "$.team")).isEqualTo("speech");
            assertThat(JsonPath.value("{\"absent\":\"absent\"}", "$.absent")).isEqualTo("absent");
            assertThatThrownBy(() -> JsonPath.value("{\"team\":", "$.team")).isInstanceOf(IllegalArgumentException.class);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(JsonPath.value("{\"n\":" + i + "}", "$.n")).isEqualTo(String.valueOf(i));
        }
        assertThat(JsonPath.value(labels, "$.team")).isEqualTo("vision");
    }

    @Test
    void readsArrayElements() {
        assertThat(JsonPath.value(SPEC, "$.pools[1].replicaCount")).isEqualTo("4");
        assertThat(JsonPath.value("[10,20]", "$[0]")).isEqualTo("10");
    }

    @Test
    void skipsWhatIsOffThePathAndReadsNumbersAsTheTreeWould() {
        assertThat(JsonPath.value("{\"x\":{\"y\":[1,{\"v\":2}]},\"v\":12.50,\"w\":[[0],[1,2]]}", "$.v")).isEqualTo("12.5");
        assertThat(JsonPath.value("{\"w\":[[0],[1,{\"z\":\"deep\"}]]}", "$.w[1][1].z")).isEqualTo("deep");
        assertThat(JsonPath.value("{\"w\":[1,2]}", "$.w.z")).isNull();
        assertThat(JsonPath.value("{\"w\":{\"0\":1}}", "$.w[0]")).isNull();
    }

    @Test
    void containersComeBackAsCompactJson() {
        assertThat(JsonPath.value(SPEC, "$.multiTrialAlgorithmSpec.metric")).isEqualTo("{\"goal\":\"MAXIMIZE\",\"metricId\":\"acc\"}");
        assertThat(JsonPath.value(SPEC, "$")).startsWith("{\"multiTrialAlgorithmSpec\"");
    }

    @Test
    void missingPathsAndNullsAreNull() {
        assertThat(JsonPath.value(SPEC, "$.nothing.here")).isNull();
        assertThat(JsonPath.value(SPEC, "$.pools[7].replicaCount")).isNull();
        assertThat(JsonPath.value(SPEC, "$.none")).isNull();
        assertThat(JsonPath.value(null, "$.a")).isNull();
    }

    @Test
    void badPathsAndBadJsonSayWhy() {
        assertThatThrownBy(() -> JsonPath.value(SPEC, "multiTrialAlgorithmSpec")).hasMessageContaining("starts with $");
        assertThatThrownBy(() -> JsonPath.value(SPEC, "$.pools[x]")).hasMessageContaining("not an array index");
        assertThatThrownBy(() -> JsonPath.value("{oops", "$.a")).hasMessageContaining("not JSON");
    }

    /** It streams, so it differs from a parse of the whole document in three pinned ways (the inventory's JSON has none of them). */
    @Test
    void aStreamingReadStopsAtTheFirstMatch() {
        assertThat(JsonPath.value("{\"a\":1,\"a\":2}", "$.a")).as("the first of duplicate keys").isEqualTo("1");
        assertThat(JsonPath.value("{\"a\":1, oops", "$.a")).as("what follows the value is not read").isEqualTo("1");
        assertThatThrownBy(() -> JsonPath.value("{}", "$.missing[abc]")).as("a bad path fails whatever the data")
                .hasMessageContaining("not an array index");
    }
}
