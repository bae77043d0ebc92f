package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
    private static String render(String text, Map<String, JsonNode> vars) {
        return new TemplateRenderer(vars).render(new Statement(text, "t.iql", 4, 1)).text();
    }

    @Test
    void fillsPlaceholdersWithOrWithoutSpaces() {
        assertThat(render("WHERE a = '{{ x }}' AND b = '{{y}}'", Map.of("x", TextNode.valueOf("1"), "y", TextNode.valueOf("2"))))
                .isEqualTo("WHERE a = '1' AND b = '2'");
    }

    @Test
    void aValueInsideALiteralCannotEndIt() {
        assertThat(render("SELECT '{{ name }}'", Map.of("name", TextNode.valueOf("x'; DROP TABLE t; --"))))
                .isEqualTo("SELECT 'x''; DROP TABLE t; --'");
    }

    @Test
    void objectsRenderAsCompactJsonAndBooleansAsThemselves() throws Exception {
        JsonNode labels = new ObjectMapper().readTree("{ \"team\": \"vision\", \"owner\": \"o'neil\" }");
        assertThat(render("SELECT {{ flag }}, '{{ labels }}'", Map.of("flag", BooleanNode.TRUE, "labels", labels)))
                .isEqualTo("SELECT true, '{\"team\":\"vision\",\"owner\":\"o''neil\"}'");
    }

    @Test
    void aMissingVariableIsNamedWithItsLine() {
        assertThatThrownBy(() -> render("SELECT 1,\n '{{ projectsId }}'", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'projectsId'")
                .extracting(e -> ((TemplateException) e).position()).isEqualTo("t.iql:5:3");
    }
}
