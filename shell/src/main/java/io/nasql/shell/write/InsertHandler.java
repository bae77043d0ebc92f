package io.nasql.shell.write;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code INSERT INTO google.aiplatform.nas_jobs (cols) SELECT ... | VALUES (...)}: the values are
 * computed by H2, each row becomes a CreateNasJob, and each created job goes into the inventory.
 * Every row is checked before the first call, so a bad row sends nothing; the report names every row.
 */
public final class InsertHandler implements Handler {
    private static final Pattern INSERT = Pattern.compile(
            "^\\s*INSERT\\s+INTO\\s+" + StatementKind.Names.RESOURCE + "\\s*\\(([^)]*)\\)\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final InventoryAccess inventory;
    private final JobWriters writers;

    public InsertHandler(InventoryAccess inventory, JobWriters writers) {
        this.inventory = inventory;
        this.writers = writers;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        Matcher m = INSERT.matcher(Sql.stripComments(statement.text(), statement.dialect()));
        if (!m.matches()) {
            throw new StatementException("write it as INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName,"
                    + " nasJobSpec, ...) SELECT ... or VALUES (...)", statement.position());
        }
        List<String> columns = new ArrayList<>();
        try {
            for (String written : m.group(1).split(",")) {
                columns.add(JobDraft.column(written));
            }
        } catch (IllegalArgumentException e) {
            throw new StatementException(e.getMessage(), statement.position());
        }
        for (String required : List.of("projectsId", "locationsId")) {
            if (!columns.contains(required)) {
                throw new StatementException(required + " is required: name it among the columns", statement.position());
            }
        }
        List<Map<String, Object>> rows = values(statement, m.group(2), columns);
        List<Creates.Draft> drafts = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            try {
                ScopeKey scope = new ScopeKey(text(row.get("projectsId")), text(row.get("locationsId")));
                NasJob draft = JobDraft.build(row);
                io.nasql.sync.JobValidator.check(draft);
                drafts.add(new Creates.Draft(scope, draft));
            } catch (io.nasql.sync.JobValidator.InvalidJobException e) {
                throw new StatementException("row " + (drafts.size() + 1) + " would be refused, so nothing was sent: "
                        + e.getMessage(), statement.position());
            } catch (IllegalArgumentException e) {
                throw new StatementException(e.getMessage() + "; nothing was sent", statement.position());
            }
        }
        Creates.send(drafts, writers, execution, statement);
    }

    /** Runs the SELECT or VALUES on H2 and maps each row to the named columns. */
    private List<Map<String, Object>> values(Statement statement, String query, List<String> columns)
            throws SQLException {
        if (!query.matches("(?is)^(SELECT|VALUES|WITH)\\b.*")) {
            throw new StatementException("after the column list comes SELECT ... or VALUES (...)", statement.position());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (java.sql.Statement jdbc = inventory.connection().createStatement(); ResultSet rs = jdbc.executeQuery(query)) {
            int width = rs.getMetaData().getColumnCount();
            if (width != columns.size()) {
                throw new StatementException(columns.size() + " columns are named but the query gives " + width + " values",
                        statement.position());
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < width; i++) {
                    row.put(columns.get(i), value(rs, i + 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A column's value; JSON as its text (H2 hands JSON over as bytes), so a SELECT can clone jobs. */
    private static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof byte[] bytes && "JSON".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(column))) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("projectsId and locationsId must not be empty");
        }
        return value.toString();
    }
}
