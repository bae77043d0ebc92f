package io.nasql.shell.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestVariablesTest {
    private static JsonNode fill(String yaml, Map<String, JsonNode> vars) {
        return ManifestVariables.fill(Manifest.read(yaml, "m.yaml"), vars, "m.yaml");
    }

    @Test
    void aValueIsDataNeverYamlSyntax() {
        JsonNode filled = fill("# don't let this apostrophe matter\n- a: \"{{ v }}\"\n  b: x-{{ v }}\n",
                Map.of("v", TextNode.valueOf("say \"hi\"\nc: d # not a comment")));
        assertThat(filled.get(0).get("a").asText()).isEqualTo("say \"hi\"\nc: d # not a comment");
        assertThat(filled.get(0).get("b").asText()).isEqualTo("x-say \"hi\"\nc: d # not a comment");
        assertThat(filled.get(0).size()).isEqualTo(2);
    }

    @Test
    void aWholePlaceholderKeepsTheValuesType() throws Exception {
        JsonNode labels = new ObjectMapper().readTree("{\"team\":\"vision\"}");
        JsonNode filled = fill("- n: '{{ n }}'\n  labels: '{{ labels }}'\n  inline: 'l={{ labels }}'\n  key{{ n }}: 1\n",
                Map.of("n", new ObjectMapper().readTree("3"), "labels", labels));
        assertThat(filled.get(0).get("n").isNumber()).isTrue();
        assertThat(filled.get(0).get("labels")).isEqualTo(labels);
        assertThat(filled.get(0).get("inline").asText()).isEqualTo("l={\"team\":\"vision\"}");
        assertThat(filled.get(0).has("key{{ n }}")).isTrue();
    }

    @Test
    void aMissingVariableIsNamedWithWhereItStands() {
        assertThatThrownBy(() -> fill("- name: x\n  props:\n    - name: displayName\n      value: '{{ title }}'\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("m.yaml: no value for template variable 'title' at /0/props/0/value: pass --var title=VALUE or put it in a --vars file");
    }
}
