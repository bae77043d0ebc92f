package io.nasql.db;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL function {@code json_value(json, '$.a.b[0].c')}: the text at a path, NULL when the
 * path is absent. Objects and arrays come back as compact JSON text, so a path may also stop
 * at a container. Registered as an H2 alias by {@link Inventory}. A GROUP BY over every job
 * calls it once a row, so it streams: it skips what is off the path and stops at the value,
 * building no tree but for a container or number it returns.
 */
public final class JsonPath {
    /** Made on the first call, not when H2 loads this class for its alias. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    /** Parsed paths; a query uses a handful, so the cache stays small (and is dropped if it grows). */
    private static final Map<String, List<Object>> PATHS = new ConcurrentHashMap<>();

    /**
     * Answers for small documents, per path: labels and errors repeat across jobs (a few teams, a few
     * messages), and a GROUP BY over 500,000 labels then parses two dozen of them, not every row's.
     */
    private static final Map<String, Map<String, String>> ANSWERS = new ConcurrentHashMap<>();
    private static final int SMALL = 512;
    private static final int ANSWERS_PER_PATH = 4096;
    /** An answer that is SQL NULL (a map holds no null). */
    private static final String ABSENT = new String("absent");

    private JsonPath() {
    }

    public static String value(String json, String path) {
        if (json == null || path == null) {
            return null;
        }
        if (json.length() > SMALL) {
            return parse(json, steps(path));
        }
        Map<String, String> answers = ANSWERS.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        String answer = answers.get(json);
        if (answer == null) {
            answer = parse(json, steps(path));
            if (answers.size() >= ANSWERS_PER_PATH) {
                answers.clear();
            }
            if (ANSWERS.size() > 1000) {
                ANSWERS.clear();
            }
            answers.put(json, answer == null ? ABSENT : answer);
            return answer;
        }
        return answer == ABSENT ? null : answer;
    }

    private static String parse(String json, List<Object> steps) {
        try (JsonParser parser = Mapper.INSTANCE.createParser(json)) {
            JsonToken token = parser.nextToken();
            for (int i = 0; i < steps.size() && token != null; i++) {
                token = steps.get(i) instanceof String field ? atField(parser, token, field) : atElement(parser, token, (Integer) steps.get(i));
            }
            if (token == null || token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            JsonNode node = Mapper.INSTANCE.readTree(parser);
            return node.isValueNode() ? node.asText() : node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json_value: the first argument is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("json_value: " + e.getMessage(), e);
        }
    }

    /** The first token of {@code field}'s value in the object that starts at {@code token}, or null when it has none. */
    private static JsonToken atField(JsonParser parser, JsonToken token, String field) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean found = parser.currentName().equals(field);
            JsonToken value = parser.nextToken();
            if (found) {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    /** The first token of element {@code index} of the array that starts at {@code token}, or null when it is shorter. */
    private static JsonToken atElement(JsonParser parser, JsonToken token, int index) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        for (int i = 0; ; i++) {
            JsonToken element = parser.nextToken();
            if (element == JsonToken.END_ARRAY || element == null) {
                return null;
            }
            if (i == index) {
                return element;
            }
            parser.skipChildren();
        }
    }

    private static List<Object> steps(String path) {
        List<Object> steps = PATHS.get(path);
        if (steps == null) {
            steps = parse(path);
            if (PATHS.size() > 1000) {
                PATHS.clear();
            }
            PATHS.put(path, steps);
        }
        return steps;
    }

    private static List<Object> parse(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("json_value: a path starts with $, as in '$.a.b[0]': " + path);
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.' && i + 1 < path.length() && path.charAt(i + 1) == '"') {
                // A quoted key, as SQL/JSON paths write one with '-' or spaces: $."cost-center".
                int close = path.indexOf('"', i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("json_value: unclosed \" in path " + path);
                }
                steps.add(path.substring(i + 2, close));
                i = close + 1;
            } else if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("json_value: unclosed [ in path " + path);
                }
                String inside = path.substring(i + 1, close).trim();
                steps.add(inside.startsWith("'") || inside.startsWith("\"") ? inside.substring(1, inside.length() - 1) : parseIndex(inside, path));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("json_value: unexpected '" + c + "' at " + i + " in path " + path);
            }
        }
        return List.copyOf(steps);
    }

    private static int parseIndex(String text, String path) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("json_value: [" + text + "] is not an array index in path " + path);
        }
    }
}
