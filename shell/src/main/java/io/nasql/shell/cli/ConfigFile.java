package io.nasql.shell.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nasql.shell.error.UsageException;
import io.nasql.shell.statement.YamlMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ~/.nasql/config.yaml}: defaults for the flags of the same names. Flags override it.
 *
 * <pre>
 * projects: [proj-a, proj-b]
 * locations: [us-central1, europe-west4]
 * endpoint: 127.0.0.1:8085     # one endpoint for every location
 * plaintext: false
 * credentials: /path/to/key.json
 * output: table
 * concurrency: 32
 * max_age: 5m
 * organization: [123456789012]  # and folder: [...], exclude_projects: [sandbox-*]
 * db: jdbc:postgresql://db.example.com/google   # a team's inventory
 * db_password: ...                              # else PGPASSWORD or ~/.pgpass
 * serve_password: ...                           # for nasql serve (else one is made up per run)
 * </pre>
 */
public record ConfigFile(Path path, List<String> projects, List<String> locations, String endpoint, Boolean plaintext,
                         Path credentials, String output, Integer concurrency, String maxAge, ScopeOptions scope, String db,
                         String dbPassword, String servePassword) {

    static final Set<String> KEYS = Set.of("projects", "locations", "endpoint", "plaintext", "credentials", "output",
            "concurrency", "max_age", "organization", "folder", "exclude_projects", "db", "db_password", "serve_password");

    /** The YAML reader, made only when a file is read: making it cost every start without a config file 15 ms (issue 14). */
    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    public static ConfigFile none(Path path) {
        return new ConfigFile(path, List.of(), List.of(), null, null, null, null, null, null, new ScopeOptions(), null, null, null);
    }

    /** Reads the file; a missing file is an empty configuration, a bad one a UsageException with its line. */
    public static ConfigFile load(Path path, boolean mustExist) {
        if (!Files.exists(path)) {
            if (mustExist) {
                throw new UsageException("--config " + path + ": no such file");
            }
            return none(path);
        }
        List<String> projects = List.of();
        List<String> locations = List.of();
        String endpoint = null;
        Boolean plaintext = null;
        Path credentials = null;
        String output = null;
        Integer concurrency = null;
        String maxAge = null;
        ScopeOptions scope = new ScopeOptions();
        String db = null;
        String dbPassword = null;
        String servePassword = null;
        try (JsonParser parser = Yaml.MAPPER.createParser(Files.readString(path))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return none(path);
            }
            if (first != JsonToken.START_OBJECT) {
                throw bad(path, parser.currentLocation().getLineNr(), "expected a mapping of settings, as in `projects: [a, b]`");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentLocation().getLineNr();
                parser.nextToken();
                JsonNode value = parser.readValueAsTree();
                if (!KEYS.contains(key)) {
                    throw bad(path, line, "unknown key '" + key + "'; known keys are " + String.join(", ", KEYS.stream().sorted().toList()));
                }
                switch (key) {
                    case "projects" -> projects = list(value, path, line, key);
                    case "locations" -> locations = list(value, path, line, key);
                    case "endpoint" -> endpoint = text(value, path, line, key);
                    case "plaintext" -> plaintext = bool(value, path, line, key);
                    case "credentials" -> credentials = Path.of(text(value, path, line, key));
                    case "output" -> output = text(value, path, line, key);
                    case "concurrency" -> concurrency = number(value, path, line, key);
                    case "organization" -> scope.organizations.addAll(list(value, path, line, key));
                    case "folder" -> scope.folders.addAll(list(value, path, line, key));
                    case "exclude_projects" -> scope.excludeProjects.addAll(list(value, path, line, key));
                    case "db" -> db = text(value, path, line, key);
                    case "db_password" -> dbPassword = text(value, path, line, key);
                    case "serve_password" -> servePassword = text(value, path, line, key);
                    default -> maxAge = text(value, path, line, key);
                }
            }
        } catch (JsonProcessingException e) {
            throw bad(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), YamlMessages.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
        return new ConfigFile(path, projects, locations, endpoint, plaintext, credentials, output, concurrency, maxAge, scope, db,
                dbPassword, servePassword);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "ConfigFile[" + path + "]";
    }

    private static List<String> list(JsonNode value, Path path, int line, String key) {
        List<String> items = new ArrayList<>();
        if (value.isValueNode() && !value.isNull()) {
            for (String item : value.asText().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            return items;
        }
        if (!value.isArray()) {
            throw bad(path, line, key + " takes a list, as in `" + key + ": [a, b]`");
        }
        value.forEach(v -> items.add(v.asText()));
        return items;
    }

    private static String text(JsonNode value, Path path, int line, String key) {
        if (!value.isValueNode() || value.isNull()) {
            throw bad(path, line, key + " takes a single value");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode value, Path path, int line, String key) {
        if (!value.isBoolean()) {
            throw bad(path, line, key + " takes true or false");
        }
        return value.asBoolean();
    }

    private static int number(JsonNode value, Path path, int line, String key) {
        if (!value.isInt() || value.asInt() < 1) {
            throw bad(path, line, key + " takes a whole number of at least 1");
        }
        return value.asInt();
    }

    private static UsageException bad(Path path, int line, String message) {
        return new UsageException(path + ":" + line + ": " + message);
    }
}
