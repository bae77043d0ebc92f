package io.nasql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When each scope last synced successfully, for read-through's check before a query: one
 * prepared statement over plain JDBC, so the check costs milliseconds for a thousand scopes and
 * a query that needs no sync never starts jOOQ.
 */
public final class ScopeFreshness {
    /** Compared in SQL: the check reads a boolean per scope, not an OffsetDateTime (a seventh of its time, issue 14). */
    private static final String ALL = "SELECT \"projectsId\", \"locationsId\", \"lastSuccessAt\" >= ? FROM \"aiplatform\".\"sync_scopes\""
            + " WHERE \"lastSuccessAt\" IS NOT NULL";
    private static final String QUERY = ALL + " AND \"projectsId\" = ANY(?)";
    /**
     * On H2, the scopes of the projects from the first to the last pinned, in the key's order (H2 compares text as Java
     * does; PostgreSQL's collation may not, so there every synced scope is read).
     */
    private static final String RANGE = ALL + " AND \"projectsId\" BETWEEN ? AND ?";
    /**
     * Above this many projects, the scopes are read as above and the pinned ones picked here: H2 tests
     * {@code = ANY(?)} by comparing with each element in turn, so 500 projects over 5,000 scopes took
     * 2.5 million comparisons, most of a 1,000-scope check.
     */
    private static final int FILTERED_IN_SQL = 32;

    private final Inventory inventory;

    public ScopeFreshness(Inventory inventory) {
        this.inventory = inventory;
    }

    /** For each of these scopes that ever synced, whether its last success was at or after {@code since}; others are absent. */
    public Map<ScopeKey, Boolean> syncedSince(Collection<ScopeKey> scopes, OffsetDateTime since) {
        Map<ScopeKey, Boolean> result = new HashMap<>();
        if (scopes.isEmpty()) {
            return result;
        }
        Set<String> projects = new HashSet<>();
        scopes.forEach(s -> projects.add(s.projectsId()));
        Set<ScopeKey> wanted = scopes instanceof Set<ScopeKey> set ? set : new HashSet<>(scopes);
        boolean filtered = projects.size() <= FILTERED_IN_SQL;
        boolean ranged = !filtered && inventory.backend() == Backend.H2;
        try (Connection c = inventory.connection(); PreparedStatement query = c.prepareStatement(filtered ? QUERY : ranged ? RANGE : ALL)) {
            query.setObject(1, since);
            if (filtered) {
                query.setArray(2, c.createArrayOf("VARCHAR", projects.toArray()));
            } else if (ranged) {
                query.setString(2, Collections.min(projects));
                query.setString(3, Collections.max(projects));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ScopeKey scope = new ScopeKey(rs.getString(1), rs.getString(2));
                    if (wanted.contains(scope)) {
                        result.put(scope, rs.getBoolean(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read sync_scopes: " + e.getMessage(), e);
        }
        return result;
    }
}
