package io.nasql.shell.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields and methods of {@code google.aiplatform.nas_jobs}, read from the resource's
 * reference page (bundled from {@code docs/}), so introspection says what the page says.
 */
public final class ResourceCatalog {
    private static final String PAGE = "/nasql/stackql-nas_jobs.md";
    private static final Pattern CODE = Pattern.compile("<CopyableCode code=\"([^\"]*)\" />");

    public record Field(String name, String type, String description) {
    }

    public record Method(String name, String sqlVerb, List<String> requiredParams, String description) {
    }

    private final List<Field> fields;
    private final List<Method> methods;
    private final String summary;

    private ResourceCatalog(List<Field> fields, List<Method> methods, String summary) {
        this.fields = fields;
        this.methods = methods;
        this.summary = summary;
    }

    public static ResourceCatalog load() {
        try (InputStream in = ResourceCatalog.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the reference page " + PAGE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResourceCatalog parse(String page) {
        List<Field> fields = new ArrayList<>();
        for (List<String> cells : tableRows(section(page, "## Fields"))) {
            fields.add(new Field(code(cells.get(0)), cells.get(1).replace("`", ""), cells.get(2)));
        }
        List<Method> methods = new ArrayList<>();
        for (List<String> cells : tableRows(section(page, "## Methods"))) {
            methods.add(new Method(code(cells.get(0)), cells.get(1).replace("`", ""),
                    List.of(code(cells.get(2)).split(",\\s*")), cells.get(3)));
        }
        int start = page.indexOf("Creates, updates");
        String summary = start < 0 ? "" : page.substring(start, page.indexOf('\n', start)).replaceAll("</?code>", "").trim();
        return new ResourceCatalog(List.copyOf(fields), List.copyOf(methods), summary);
    }

    private static String section(String page, String heading) {
        int start = page.indexOf(heading);
        int end = page.indexOf("\n## ", start + heading.length());
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static List<List<String>> tableRows(String section) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| <CopyableCode")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
                    cells.add(cell.trim());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        return m.find() ? m.group(1) : cell;
    }

    public List<Field> fields() {
        return fields;
    }

    public List<Method> methods() {
        return methods;
    }

    public String summary() {
        return summary;
    }

    public Method method(String name) {
        return methods.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
