package io.nasql.shell.statement;

import java.util.ArrayList;
import java.util.List;

/** SnakeYAML explains a syntax error over several lines, with an excerpt; nasql's errors are one line. */
public final class YamlMessages {
    private YamlMessages() {
    }

    public static String oneLine(String message) {
        if (message == null) {
            return "not valid YAML";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !line.startsWith(" ") && !trimmed.startsWith("in 'reader'") && !trimmed.equals("^")) {
                parts.add(trimmed);
            }
        }
        return parts.isEmpty() ? message.trim() : String.join("; ", parts);
    }
}
