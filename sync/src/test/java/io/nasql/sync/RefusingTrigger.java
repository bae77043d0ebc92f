package io.nasql.sync;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger that refuses every job row of project {@code proj-002} with a message longer than
 * {@code sync_scopes.errorMessage}: a real failure inside the inventory, not an API error.
 */
public final class RefusingTrigger implements Trigger {
    static final String REFUSED_PROJECT = "proj-002";
    static final String MESSAGE = "refused by the test's trigger: " + "x".repeat(10_000);

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && REFUSED_PROJECT.equals(newRow[0])) {
            throw new SQLException(MESSAGE);
        }
    }
}
