package io.nasql.shell.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as indented lines for a person to read, with its field names in colour when asked.
 * Strings are written as JSON writes them, so a control character in one stays escaped.
 */
final class JsonLines {
    /**
     * Numbers kept as written (a float as BigDecimal, not rounded to a double; 1E+2 stays 1E+2), and
     * an object with a key twice is not parsed (its text is shown as it is, rather than one value dropped).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
    private static final String INDENT = "  ";
    private static final String KEY = "\u001b[36m";
    private static final String RESET = "\u001b[0m";

    private final boolean color;

    JsonLines(boolean color) {
        this.color = color;
    }

    /** The lines of the value; text that is not JSON comes back as one escaped line. */
    List<String> lines(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(CellText.escapeControls(json));
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        write(node, 0, line, lines);
        lines.add(line.toString());
        return lines;
    }

    private void write(JsonNode node, int depth, StringBuilder line, List<String> lines) {
        if (node.isObject() && !node.isEmpty()) {
            line.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                newLine(depth + 1, line, lines);
                String key = scalar(MAPPER.getNodeFactory().textNode(field.getKey()));
                line.append(color ? KEY + key + RESET : key).append(": ");
                write(field.getValue(), depth + 1, line, lines);
                if (fields.hasNext()) {
                    line.append(',');
                }
            }
            newLine(depth, line, lines);
            line.append('}');
        } else if (node.isArray() && !node.isEmpty()) {
            line.append('[');
            for (int i = 0; i < node.size(); i++) {
                newLine(depth + 1, line, lines);
                write(node.get(i), depth + 1, line, lines);
                if (i < node.size() - 1) {
                    line.append(',');
                }
            }
            newLine(depth, line, lines);
            line.append(']');
        } else {
            line.append(scalar(node));
        }
    }

    private static void newLine(int depth, StringBuilder line, List<String> lines) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(INDENT.repeat(depth));
    }

    /** Jackson writes a string's control characters as backslash escapes; the rest of the line is checked too. */
    private static String scalar(JsonNode node) {
        try {
            return CellText.escapeControls(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            return CellText.escapeControls(node.toString());
        }
    }
}
