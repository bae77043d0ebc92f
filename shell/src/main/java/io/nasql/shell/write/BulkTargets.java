package io.nasql.shell.write;

import io.nasql.db.ScopeKey;
import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.statement.SqlErrors;
import io.nasql.shell.statement.RoutedStatement;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementException;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs a bulk DELETE or EXEC matches in the inventory, shown to the user and sent only
 * after a {@code y} at the prompt or {@code --yes} in batch mode.
 */
public final class BulkTargets {
    private static final int SHOWN = 10;

    record Target(ScopeKey scope, String nasJobsId, String displayName, String state) {
        /** The columns that name a target in a write's report. */
        static final List<String> COLUMNS = List.of("projectsId", "locationsId", "nasJobsId");

        List<Object> key() {
            return java.util.Arrays.asList(scope.projectsId(), scope.locationsId(), nasJobsId);
        }
    }

    private final InventoryAccess inventory;
    private final Confirmer confirmer;
    private final PrintWriter notices;

    public BulkTargets(InventoryAccess inventory, Confirmer confirmer, PrintWriter notices) {
        this.inventory = inventory;
        this.confirmer = confirmer;
        this.notices = notices;
    }

    /** The jobs of the inventory that the WHERE clause matches, in key order. */
    List<Target> find(String where, Statement statement) {
        String query = "SELECT \"projectsId\", \"locationsId\", \"nasJobsId\", \"displayName\", \"state\""
                // In parentheses and ended by a line break: the condition can neither end in a comment that swallows
                // the ORDER BY nor add rows of its own (a UNION).
                + " FROM google.aiplatform.nas_jobs" + (where.isBlank() ? "" : " WHERE (" + where + "\n)") + " ORDER BY 1, 2, 3";
        try {
            return targets(query);
        } catch (SQLException e) {
            throw SqlErrors.of(e, statement);
        }
    }

    private List<Target> targets(String query) throws SQLException {
        List<Target> targets = new ArrayList<>();
        try (RoutedStatement routed = RoutedStatement.prepare(inventory.connection(), query, inventory.backend()); ResultSet rs = routed.executeQuery()) {
            while (rs.next()) {
                targets.add(new Target(new ScopeKey(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return targets;
    }

    /** Lists the targets and asks; throws, having sent nothing, unless the user agrees. */
    void confirm(String verb, List<Target> targets, Statement statement) {
        notices.printf("%s matches %d job%s in the inventory:%n", verb, targets.size(), targets.size() == 1 ? "" : "s");
        for (Target t : targets.subList(0, Math.min(SHOWN, targets.size()))) {
            notices.printf("  %s/%s/%s  %s  %s%n", t.scope().projectsId(), t.scope().locationsId(), t.nasJobsId(), t.state(), t.displayName());
        }
        if (targets.size() > SHOWN) {
            notices.printf("  ... and %d more%n", targets.size() - SHOWN);
        }
        notices.flush();
        if (!confirmer.confirm(verb + " " + targets.size() + " job" + (targets.size() == 1 ? "" : "s") + "? [y/N] ")) {
            throw new StatementException(verb + " matches " + targets.size() + " jobs; nothing was sent: answer y at the prompt,"
                    + " or pass --yes in batch mode", statement.position());
        }
    }
}
