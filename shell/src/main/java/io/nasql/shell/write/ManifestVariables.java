package io.nasql.shell.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nasql.shell.statement.SqlTokenizer;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Fills {@code {{ name }}} placeholders in the string values of a parsed manifest, so a value
 * is always data: quotes, {@code #} or newlines in it cannot change the YAML around it. A
 * string that is one placeholder and nothing else takes the variable's value with its type
 * (a number, a boolean, an object); a placeholder within a longer string adds the value's
 * text. Keys and YAML comments are left as written.
 */
public final class ManifestVariables {
    private ManifestVariables() {
    }

    public static JsonNode fill(JsonNode root, Map<String, JsonNode> vars, String source) {
        return fill(root, vars, source, "");
    }

    private static JsonNode fill(JsonNode node, Map<String, JsonNode> vars, String source, String path) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(fill(field.getValue(), vars, source, path + "/" + field.getKey()));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), vars, source, path + "/" + i));
            }
            return array;
        }
        return node.isTextual() ? text(node.asText(), vars, source, path) : node;
    }

    private static JsonNode text(String text, Map<String, JsonNode> vars, String source, String path) {
        Matcher m = SqlTokenizer.PLACEHOLDER.matcher(text);
        if (m.matches()) {
            return value(m.group(1), vars, source, path).deepCopy();
        }
        m.reset();
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            JsonNode value = value(m.group(1), vars, source, path);
            out.append(text, last, m.start()).append(value.isNull() ? "" : value.isContainerNode() ? value.toString() : value.asText());
            last = m.end();
        }
        return last == 0 ? TextNode.valueOf(text) : TextNode.valueOf(out.append(text, last, text.length()).toString());
    }

    private static JsonNode value(String name, Map<String, JsonNode> vars, String source, String path) {
        JsonNode value = vars.get(name);
        if (value == null) {
            throw new IllegalArgumentException(source + ": no value for template variable '" + name + "' at " + path
                    + ": pass --var " + name + "=VALUE or put it in a --vars file");
        }
        return value;
    }
}
