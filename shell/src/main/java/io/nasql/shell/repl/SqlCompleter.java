package io.nasql.shell.repl;

import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.StatementKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes keywords and verbs; the resource and the local tables; the columns of the tables a
 * statement names; the method after {@code EXEC google.aiplatform.nas_jobs.}; {@code @param}
 * names; and values of projectsId, locationsId and state from the inventory.
 */
public final class SqlCompleter implements Completer {
    static final String RESOURCE = "google.aiplatform.nas_jobs";
    static final List<String> TABLES = List.of(RESOURCE, "google.aiplatform.nas_trials", "google.aiplatform.nas_job_events",
            "google.aiplatform.sync_scopes", "google.aiplatform.sync_runs");
    /** SQL's keywords, then each statement kind's (from {@link StatementKind}, so a new verb completes with no edit here). */
    static final Set<String> KEYWORDS = keywords();
    private static final Pattern VALUE_CONTEXT = Pattern.compile(
            "(?is).*\\b(projectsId|locationsId|state)\\s*(?:=|<>|!=|\\bIN\\s*\\((?:\\s*'[^']*'\\s*,)*)\\s*$");
    private static final Pattern TABLE_IN_TEXT = Pattern.compile("(?i)\\b(?:google\\.)?aiplatform\\.(\\w+)");

    private static Set<String> keywords() {
        Set<String> keywords = new LinkedHashSet<>(List.of(
                "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "BETWEEN", "GROUP", "BY", "ORDER", "HAVING",
                "LIMIT", "OFFSET", "AS", "DISTINCT", "JOIN", "LEFT", "RIGHT", "INNER", "OUTER", "ON", "WITH", "UNION", "ALL", "CASE",
                "WHEN", "THEN", "ELSE", "END", "COUNT", "SUM", "MIN", "MAX", "AVG", "ASC", "DESC", "INSERT", "INTO", "VALUES", "DELETE",
                "UPDATE", "SET", "CREATE", "VIEW", "TABLE", "DROP", "OVER", "PARTITION", "ROW_NUMBER", "RANK", "TRUE", "FALSE", "INTERVAL",
                "CURRENT_TIMESTAMP"));
        for (StatementKind kind : StatementKind.values()) {
            keywords.addAll(kind.keywords());
        }
        return keywords;
    }

    private final InventoryAccess inventory;
    private final ResourceCatalog catalog;

    public SqlCompleter(InventoryAccess inventory, ResourceCatalog catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        String before = line.line().substring(0, Math.max(0, line.cursor() - word.length()));
        if (word.startsWith("@")) {
            catalog.methods().stream().filter(m -> m.sqlVerb().equals("EXEC"))
                    .flatMap(m -> m.requiredParams().stream()).distinct()
                    .forEach(p -> candidates.add(new Candidate("@" + p + "=", "@" + p, "parameters", null, null, null, false)));
            return;
        }
        if (word.toLowerCase(Locale.ROOT).startsWith(RESOURCE + ".") || before.matches("(?is).*\\bEXEC\\s+$")) {
            catalog.methods().stream().filter(m -> m.sqlVerb().equals("EXEC"))
                    .forEach(m -> candidates.add(new Candidate(RESOURCE + "." + m.name(), RESOURCE + "." + m.name(), "methods",
                            m.description().split("\\.")[0], null, null, true)));
            return;
        }
        Matcher value = VALUE_CONTEXT.matcher(before);
        if (value.matches()) {
            for (String v : distinctValues(value.group(1))) {
                candidates.add(new Candidate("'" + v.replace("'", "''") + "'", v, value.group(1), null, null, null, true));
            }
            return;
        }
        KEYWORDS.forEach(k -> candidates.add(new Candidate(k, k, "keywords", null, null, null, true)));
        TABLES.forEach(t -> candidates.add(new Candidate(t, t, "tables", null, null, null, true)));
        for (String column : columnsOfTablesIn(line.line())) {
            candidates.add(new Candidate(column, column, "columns", null, null, null, true));
        }
    }

    /** The columns of every inventory table the statement names. */
    List<String> columnsOfTablesIn(String text) {
        Set<String> columns = new LinkedHashSet<>();
        Matcher m = TABLE_IN_TEXT.matcher(text);
        while (m.find()) {
            try (ResultSet rs = inventory.connection().getMetaData().getColumns(null, "aiplatform", m.group(1).toLowerCase(Locale.ROOT), null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            } catch (SQLException e) {
                // no completion from a table that cannot be read
            }
        }
        return new ArrayList<>(columns);
    }

    /** Values of a key column as the inventory holds them. */
    List<String> distinctValues(String column) {
        String canonical = switch (column.toLowerCase(Locale.ROOT)) {
            case "projectsid" -> "projectsId";
            case "locationsid" -> "locationsId";
            default -> "state";
        };
        List<String> values = new ArrayList<>();
        try (var statement = inventory.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT DISTINCT \"" + canonical + "\" FROM " + RESOURCE
                     + " WHERE \"" + canonical + "\" IS NOT NULL ORDER BY 1 LIMIT 500")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            // no completion from an inventory that cannot be read
        }
        return values;
    }
}
