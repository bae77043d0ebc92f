package io.nasql.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SQL function {@code json_value(json, '$.a.b[0].c')}: the text at a path, NULL when the
 * path is absent. Objects and arrays come back as compact JSON text, so a path may also stop
 * at a container. Registered as an H2 alias by {@link Inventory}.
 */
public final class JsonPath {
    /** Made on the first call, not when H2 loads this class for its alias. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    private JsonPath() {
    }

    public static String value(String json, String path) {
        if (json == null || path == null) {
            return null;
        }
        JsonNode node;
        try {
            node = Mapper.INSTANCE.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json_value: the first argument is not JSON: " + e.getOriginalMessage());
        }
        node = walk(node, path);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode walk(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("json_value: a path starts with $, as in '$.a.b[0]': " + path);
        }
        JsonNode node = root;
        int i = 1;
        while (i < path.length() && node != null) {
            char c = path.charAt(i);
            if (c == '.' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
                // A quoted key, as SQL/JSON paths write one with '-' or spaces: $."cost-center".
                int close = path.indexOf('"', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("json_value: unclosed \" in path " + path);
                }
                node = node.get(path.substring(i + 2, close));
                i = close + 1;
            } else if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                node = node.get(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("json_value: unclosed [ in path " + path);
                }
                String inside = path.substring(i + 1, close).trim();
                node = inside.startsWith("'") || inside.startsWith("\"")
                        ? node.get(inside.substring(1, inside.length() - 1))
                        : node.get(parseIndex(inside, path));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("json_value: unexpected '" + c + "' at " + i + " in path " + path);
            }
        }
        return node;
    }

    private static int parseIndex(String text, String path) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("json_value: [" + text + "] is not an array index in path " + path);
        }
    }
}
