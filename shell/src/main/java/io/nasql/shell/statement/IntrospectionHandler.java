package io.nasql.shell.statement;

import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.output.ListRows;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SHOW SERVICES, SHOW RESOURCES, SHOW METHODS and DESCRIBE, as StackQL prints them. */
public final class IntrospectionHandler implements Handler {
    static final String SERVICE = "google.aiplatform";
    static final String RESOURCE = "google.aiplatform.nas_jobs";
    /** The inventory's own tables, beside the resource. */
    static final Map<String, String> LOCAL_TABLES = new LinkedHashMap<>();

    static {
        LOCAL_TABLES.put("nas_job_summaries", "local: nas_jobs without nasJobSpec and nasJobOutput, plus the spec's metricId"
                + " and goal: the narrow rows every scan reads");
        LOCAL_TABLES.put("nas_job_counts", "local: how many jobs each project and location has in each state, kept by sync:"
                + " counts grouped by projectsId, locationsId or state are read here");
        LOCAL_TABLES.put("nas_job_label_counts", "local: per project, location and label set, how many jobs (running, failed) and"
                + " the sums of their running times, kept by sync: counts grouped by a label and the labels report are read here");
        LOCAL_TABLES.put("nas_trials", "local: one row per search or train trial of a job, with its final metric");
        LOCAL_TABLES.put("nas_job_events", "local: each state change that sync or a write observed");
        LOCAL_TABLES.put("sync_scopes", "local: per project and location, the last sync attempt, success and status, and how it was found");
        LOCAL_TABLES.put("sync_runs", "local: one row per sync run with its counts");
    }

    private static final Pattern IN = Pattern.compile("^\\s*SHOW\\s+\\w+(?:\\s+IN\\s+([\\w.\"]+))?\\s*(?:LIKE\\s+'([^']*)')?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIBE = Pattern.compile("^\\s*(?:DESCRIBE|DESC)\\s+(?:EXTENDED\\s+)?([\\w.\"]+)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final ResourceCatalog catalog;
    private final InventoryAccess inventory;

    public IntrospectionHandler(ResourceCatalog catalog, InventoryAccess inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        String text = Sql.stripComments(statement.text(), statement.dialect()).trim();
        switch (StatementKind.of(text, statement.dialect())) {
            case SHOW_SERVICES -> execution.printer().print(ListRows.ofText(List.of("id", "name", "title"),
                    List.of(List.of("aiplatform:v1", "aiplatform", "Vertex AI API"))));
            case SHOW_RESOURCES -> showResources(statement, text, execution);
            case SHOW_METHODS -> showMethods(statement, text, execution);
            case DESCRIBE -> describe(statement, text, execution);
            default -> throw new IllegalStateException("not an introspection statement: " + text);
        }
    }

    private void showResources(Statement statement, String text, Execution execution) throws Exception {
        Matcher m = match(IN, text, statement, "SHOW RESOURCES IN google.aiplatform");
        if (m.group(1) != null && !isService(m.group(1))) {
            throw new StatementException("unknown service '" + m.group(1) + "': nasql serves " + SERVICE, statement.position());
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("nas_jobs", RESOURCE, catalog.summary()));
        LOCAL_TABLES.forEach((name, description) -> rows.add(List.of(name, SERVICE + "." + name, description)));
        String like = m.group(2);
        if (like != null) {
            Pattern p = Pattern.compile(like.replace("%", ".*").replace("_", "."), Pattern.CASE_INSENSITIVE);
            rows.removeIf(r -> !p.matcher((String) r.get(0)).matches());
        }
        execution.printer().print(ListRows.ofText(List.of("name", "id", "description"), rows));
    }

    private void showMethods(Statement statement, String text, Execution execution) throws Exception {
        Matcher m = match(IN, text, statement, "SHOW METHODS IN google.aiplatform.nas_jobs");
        String table = m.group(1) == null ? null : tableName(m.group(1));
        if (table == null || !table.equals("nas_jobs")) {
            String why = table != null && LOCAL_TABLES.containsKey(table) ? table + " is a local table of the inventory and has no API methods"
                    : "name the resource: SHOW METHODS IN " + RESOURCE;
            throw new StatementException(why, statement.position());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ResourceCatalog.Method method : catalog.methods()) {
            rows.add(List.of(method.name(), String.join(", ", method.requiredParams()), method.sqlVerb(), method.description()));
        }
        execution.printer().print(ListRows.ofText(List.of("MethodName", "RequiredParams", "SQLVerb", "description"), rows));
    }

    private void describe(Statement statement, String text, Execution execution) throws Exception {
        Matcher m = match(DESCRIBE, text, statement, "DESCRIBE google.aiplatform.nas_jobs");
        String table = tableName(m.group(1));
        List<List<Object>> rows = new ArrayList<>();
        if (table.equals("nas_jobs")) {
            catalog.fields().forEach(f -> rows.add(List.of(f.name(), f.type(), f.description())));
        } else if (LOCAL_TABLES.containsKey(table)) {
            try (ResultSet columns = inventory.connection().getMetaData().getColumns(null, "aiplatform", table, null)) {
                while (columns.next()) {
                    rows.add(Arrays.asList(columns.getString("COLUMN_NAME"), columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT),
                            columns.getString("REMARKS")));
                }
            }
        } else {
            throw new StatementException("unknown resource '" + m.group(1) + "': try " + RESOURCE
                    + " or one of the local tables " + String.join(", ", LOCAL_TABLES.keySet()), statement.position());
        }
        execution.printer().print(ListRows.ofText(List.of("name", "type", "description"), rows));
    }

    private static Matcher match(Pattern pattern, String text, Statement statement, String example) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new StatementException("cannot read '" + text + "': write it as " + example, statement.position());
        }
        return m;
    }

    private static boolean isService(String name) {
        String n = name.replace("\"", "").toLowerCase(Locale.ROOT);
        return n.equals(SERVICE) || n.equals("aiplatform");
    }

    /** The table of {@code google.aiplatform.x}, {@code aiplatform.x} or {@code x}; null for another service. */
    private static String tableName(String name) {
        String n = name.replace("\"", "").toLowerCase(Locale.ROOT);
        if (n.startsWith(SERVICE + ".")) {
            return n.substring(SERVICE.length() + 1);
        }
        if (n.startsWith("aiplatform.")) {
            return n.substring("aiplatform.".length());
        }
        return n.contains(".") ? null : n;
    }
}
