package io.nasql.shell.statement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Template variables from {@code --vars} files (JSON or YAML) and {@code --var KEY=VALUE}, later ones winning. */
public final class Variables {
    /** Made only when a --vars file is read. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    private Variables() {
    }

    public static Map<String, JsonNode> load(List<Path> files, List<String> assignments) {
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        for (Path file : files) {
            vars.putAll(read(file));
        }
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--var takes KEY=VALUE, not '" + assignment + "'");
            }
            vars.put(assignment.substring(0, eq).trim(), TextNode.valueOf(assignment.substring(eq + 1)));
        }
        return vars;
    }

    private static Map<String, JsonNode> read(Path file) {
        JsonNode root;
        try {
            // YAML is a superset of JSON, so one reader serves both.
            root = Yaml.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--vars " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--vars " + file + ":" + e.getLocation().getLineNr() + ": " + YamlMessages.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("--vars " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--vars " + file + ": expected a mapping of names to values at the top");
        }
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
        return vars;
    }
}
