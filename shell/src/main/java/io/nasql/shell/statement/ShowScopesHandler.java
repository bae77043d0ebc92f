package io.nasql.shell.statement;

import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.output.JdbcRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * {@code SHOW SCOPES}: every scope the inventory has synced, how it was found (named, discovered,
 * fallback) and where, with its last status and job count.
 */
public final class ShowScopesHandler implements Handler {
    private static final Pattern FORM = Pattern.compile("^\\s*SHOW\\s+SCOPES\\s*$", Pattern.CASE_INSENSITIVE);
    private static final String QUERY = "SELECT \"projectsId\", \"locationsId\", \"discoveredBy\", \"discoveredIn\", \"status\","
            + " \"jobCount\", \"lastSuccessAt\", \"errorMessage\" FROM google.aiplatform.sync_scopes"
            + " ORDER BY \"projectsId\", \"locationsId\"";

    private final InventoryAccess inventory;

    public ShowScopesHandler(InventoryAccess inventory) {
        this.inventory = inventory;
    }

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        if (!FORM.matcher(Sql.stripComments(statement.text(), statement.dialect())).matches()) {
            throw new StatementException("write it as SHOW SCOPES; for more, query google.aiplatform.sync_scopes", statement.position());
        }
        try (java.sql.Statement jdbc = inventory.connection().createStatement();
             ResultSet rs = jdbc.executeQuery(QUERY);
             JdbcRows rows = new JdbcRows(rs)) {
            execution.printer().print(rows);
        } catch (SQLException e) {
            throw SqlErrors.of(e, statement);
        }
    }
}
