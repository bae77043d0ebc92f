package io.nasql.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Inserts records through one JDBC prepared statement per table, in batches. jOOQ renders each
 * statement once (so the dialect's JSON placeholder is its own); the values are bound by plain
 * JDBC, since jOOQ's per-value binding was a fifth of a first sync's CPU (issue 15's profile).
 */
final class BatchInsert {
    private static final int BATCH = 1000;
    private static final Map<String, String> SQL = new ConcurrentHashMap<>();

    private BatchInsert() {
    }

    /** Inserts the records' {@code fields} into {@code table}, inside the caller's transaction. */
    static <R extends TableRecord<R>> void insert(DSLContext db, Table<R> table, List<Field<?>> fields, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        String sql = SQL.computeIfAbsent(db.dialect() + " " + table.getQualifiedName(), k -> render(db, table, fields));
        // Positions looked up once: looking a field up by name for every value showed in the profile.
        int[] positions = fields.stream().mapToInt(f -> records.get(0).indexOf(f)).toArray();
        boolean h2 = db.dialect().family() == SQLDialect.H2;
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int start = 0; start < records.size(); start += BATCH) {
                    for (R record : records.subList(start, Math.min(records.size(), start + BATCH))) {
                        for (int i = 0; i < positions.length; i++) {
                            bind(statement, i + 1, record.get(positions[i]), h2);
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            } catch (SQLException e) {
                throw new DataAccessException("cannot insert into " + table.getName() + ": " + e.getMessage(), e);
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value, boolean h2) throws SQLException {
        if (value instanceof JSON json) {
            Object normal = h2 ? H2JsonValue.ofNormal(json.data()) : null;
            if (normal != null) {
                // H2 takes its own value as is (FORMAT JSON leaves a JSON value alone): no parse of what was just printed.
                statement.setObject(index, normal);
                return;
            }
            statement.setString(index, json.data());
        } else {
            statement.setObject(index, value);
        }
    }

    /**
     * jOOQ writes "? FORMAT JSON" for a JSON bind only when the placeholder has a value; without it
     * H2 would store each JSON text as a JSON string. Each table is always inserted with the same fields.
     */
    private static String render(DSLContext db, Table<?> table, List<Field<?>> fields) {
        List<Field<?>> placeholders = fields.stream()
                .<Field<?>>map(f -> f.getType() == JSON.class ? DSL.val(JSON.valueOf("{}")) : DSL.val(null, f)).toList();
        return db.insertInto(table).columns(fields).values(placeholders).getSQL();
    }
}
