package io.nasql.shell.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nasql.shell.statement.YamlMessages;
import com.google.cloud.aiplatform.v1.NasJob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML manifest in the reference page's shape: a list of resources, each with {@code props}
 * of {@code name}/{@code value} pairs, where an object is again a list of such pairs and an
 * array of objects is a list of such lists.
 */
public final class Manifest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One resource of a manifest: its name in the manifest, and the job it describes. */
    public record Resource(String name, NasJob job, List<String> ignored) {
    }

    private Manifest() {
    }

    /** The manifest's YAML as a tree, before variables are filled in. */
    public static JsonNode read(String yaml, String source) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root == null ? NODES.missingNode() : root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ":" + e.getLocation().getLineNr() + ": " + YamlMessages.oneLine(e.getOriginalMessage()));
        }
    }

    /** The tree as YAML again, as --dry-run shows it. */
    public static String yaml(JsonNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resources of a manifest's tree, its variables filled in. */
    public static List<Resource> resources(JsonNode root, String source) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(source + ": a manifest is a list of resources, each with a name and props");
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : root) {
            String name = resource.path("name").asText("(unnamed)");
            JsonNode props = resource.get("props");
            if (props == null || !isPairs(props)) {
                throw new IllegalArgumentException(source + ": resource " + name + " needs props: a list of name/value pairs");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (JsonNode prop : props) {
                String field = prop.get("name").asText();
                if (JobDraft.OUTPUT_ONLY.contains(field)) {
                    // The API ignores output-only fields on input; so does a manifest.
                    ignored.add(field);
                    continue;
                }
                try {
                    values.put(JobDraft.column(field), toJson(prop.get("value")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": resource " + name + ": " + e.getMessage());
                }
            }
            try {
                resources.add(new Resource(name, JobDraft.build(values), ignored));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": resource " + name + ": " + e.getMessage());
            }
        }
        return resources;
    }

    /** A manifest value as plain JSON: pairs become objects, lists of pairs arrays of objects. */
    static JsonNode toJson(JsonNode value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (isPairs(value)) {
            ObjectNode object = NODES.objectNode();
            for (JsonNode pair : value) {
                object.set(pair.get("name").asText(), toJson(pair.get("value")));
            }
            return object;
        }
        if (value.isArray()) {
            ArrayNode array = NODES.arrayNode();
            value.forEach(element -> array.add(toJson(element)));
            return array;
        }
        return value;
    }

    /** A non-empty list whose every element is a mapping with a name (and a value). */
    private static boolean isPairs(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return false;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isObject() || !element.has("name") || element.size() > 2) {
                return false;
            }
        }
        return true;
    }
}
