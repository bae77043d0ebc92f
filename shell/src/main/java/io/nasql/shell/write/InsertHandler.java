package io.nasql.shell.write;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ScopeKey;
import io.nasql.shell.Session;
import io.nasql.shell.statement.Handler;
import io.nasql.shell.statement.Sql;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementKind;
import io.nasql.sync.JobWriter;
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
 * Every row is checked before the first call, so a bad row sends nothing.
 */
public final class InsertHandler implements Handler {
    private static final Pattern INSERT = Pattern.compile(
            "^\\s*INSERT\\s+INTO\\s+" + StatementKind.Names.RESOURCE + "\\s*\\(([^)]*)\\)\\s*(.*?)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public void run(Statement statement, Session session) throws Exception {
        Matcher m = INSERT.matcher(Sql.stripComments(statement.text()));
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
        List<Map<String, Object>> rows = values(statement, m.group(2), columns, session);
        List<ScopeKey> scopes = new ArrayList<>();
        List<NasJob> drafts = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            try {
                scopes.add(new ScopeKey(text(row.get("projectsId")), text(row.get("locationsId"))));
                NasJob draft = JobDraft.build(row);
                io.nasql.sync.JobValidator.check(draft);
                drafts.add(draft);
            } catch (io.nasql.sync.JobValidator.InvalidJobException e) {
                throw new StatementException("row " + (drafts.size() + 1) + " would be refused, so nothing was sent: "
                        + e.getMessage(), statement.position());
            } catch (IllegalArgumentException e) {
                throw new StatementException(e.getMessage() + "; nothing was sent", statement.position());
            }
        }
        JobWriter writer = new JobWriter(session.clients(), session.runner(), session.store(), session.clock());
        List<NasJob> created = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            created.add(writer.create(scopes.get(i), drafts.get(i)));
        }
        session.printer().print(Returning.jobs(created));
    }

    /** Runs the SELECT or VALUES on H2 and maps each row to the named columns. */
    private static List<Map<String, Object>> values(Statement statement, String query, List<String> columns, Session session)
            throws SQLException {
        if (!query.matches("(?is)^(SELECT|VALUES|WITH)\\b.*")) {
            throw new StatementException("after the column list comes SELECT ... or VALUES (...)", statement.position());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (java.sql.Statement jdbc = session.connection().createStatement(); ResultSet rs = jdbc.executeQuery(query)) {
            int width = rs.getMetaData().getColumnCount();
            if (width != columns.size()) {
                throw new StatementException(columns.size() + " columns are named but the query gives " + width + " values",
                        statement.position());
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < width; i++) {
                    row.put(columns.get(i), rs.getObject(i + 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("projectsId and locationsId must not be empty");
        }
        return value.toString();
    }
}
