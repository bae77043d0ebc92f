package io.nasql.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * When each scope last synced successfully, for read-through's check before a query: one
 * prepared statement over plain JDBC, so the check costs milliseconds for a thousand scopes and
 * a query that needs no sync never starts jOOQ.
 */
public final class ScopeFreshness {
    private static final String ALL = "SELECT \"projectsId\", \"locationsId\", \"lastSuccessAt\" FROM \"aiplatform\".\"sync_scopes\""
            + " WHERE \"lastSuccessAt\" IS NOT NULL";
    private static final String QUERY = ALL + " AND \"projectsId\" = ANY(?)";
    /**
     * Above this many projects, every synced scope is read and the pinned ones picked here: H2 tests
     * {@code = ANY(?)} by comparing with each element in turn, so 500 projects over 5,000 scopes took
     * 2.5 million comparisons, most of a 1,000-scope check.
     */
    private static final int FILTERED_IN_SQL = 32;

    private final Inventory inventory;

    public ScopeFreshness(Inventory inventory) {
        this.inventory = inventory;
    }

    /** The last success of each scope; scopes never synced are absent. */
    public Map<ScopeKey, OffsetDateTime> lastSuccess(Collection<ScopeKey> scopes) {
        Map<ScopeKey, OffsetDateTime> result = new HashMap<>();
        if (scopes.isEmpty()) {
            return result;
        }
        Set<String> projects = new LinkedHashSet<>();
        scopes.forEach(s -> projects.add(s.projectsId()));
        Set<ScopeKey> wanted = Set.copyOf(scopes);
        boolean filtered = projects.size() <= FILTERED_IN_SQL;
        try (Connection c = inventory.connection(); PreparedStatement query = c.prepareStatement(filtered ? QUERY : ALL)) {
            if (filtered) {
                Array array = c.createArrayOf("VARCHAR", projects.toArray());
                query.setArray(1, array);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ScopeKey scope = new ScopeKey(rs.getString(1), rs.getString(2));
                    if (wanted.contains(scope)) {
                        result.put(scope, rs.getObject(3, OffsetDateTime.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new InventoryException("cannot read sync_scopes: " + e.getMessage(), e);
        }
        return result;
    }
}
