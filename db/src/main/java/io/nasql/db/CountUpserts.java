package io.nasql.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The upsert that adds a transaction's changes to a count table ({@code nas_job_counts}, {@code nas_job_label_counts}),
 * keyed by scope first: insert a key's row, or add to its counts and sums. One prepared statement for all of a
 * transaction's rows, written here rather than rendered by jOOQ: rendered and parsed per row, the counts took a fifth
 * of the scope threads' time in a first sync (issue 15).
 */
final class CountUpserts {
    /** A column, and what a bound text becomes in it on H2 and on PostgreSQL (after {@code CAST(? }). */
    record Column(String name, String h2, String postgres) {
        Column(String name, String type) {
            this(name, "AS " + type, "AS " + type);
        }
    }

    private final String h2;
    private final String postgres;
    private final String deleteEmpty;

    /** {@code conflictTarget}: PostgreSQL's ON CONFLICT target, as the table's unique index is written. */
    CountUpserts(String table, List<Column> keys, List<Column> sums, String conflictTarget) {
        List<Column> all = Stream.concat(keys.stream(), sums.stream()).toList();
        String into = "\"aiplatform\".\"" + table + "\"";
        String names = names(all, "");
        String added = String.join(", ", sums.stream()
                .map(c -> '"' + c.name() + "\" = c.\"" + c.name() + "\" + %s.\"" + c.name() + '"').toList());
        String matched = String.join(" AND ", keys.stream().map(c -> "c.\"" + c.name() + "\" = s.\"" + c.name() + '"').toList());
        h2 = "MERGE INTO " + into + " c USING (VALUES (" + values(all, false) + ")) s(" + names + ") ON " + matched
                + " WHEN MATCHED THEN UPDATE SET " + added.replace("%s", "s") + " WHEN NOT MATCHED THEN INSERT (" + names
                + ") VALUES (" + names(all, "s.") + ")";
        deleteEmpty = "DELETE FROM " + into + " WHERE \"projectsId\" = ? AND \"locationsId\" = ? AND \"jobs\" <= 0";
        postgres = "INSERT INTO " + into + " AS c (" + names + ") VALUES (" + values(all, true) + ") ON CONFLICT (" + conflictTarget
                + ") DO UPDATE SET " + added.replace("%s", "EXCLUDED");
    }

    private static String names(List<Column> columns, String qualifier) {
        return String.join(", ", columns.stream().map(c -> qualifier + '"' + c.name() + '"').toList());
    }

    private static String values(List<Column> columns, boolean postgres) {
        return String.join(", ", columns.stream().map(c -> "CAST(? " + (postgres ? c.postgres() : c.h2()) + ")").toList());
    }

    /** Binds one row's parameters, in the order of the keys, then the sums. */
    @FunctionalInterface
    interface Row {
        void bind(PreparedStatement upsert) throws SQLException;
    }

    /**
     * Adds the rows in the transaction of {@code db}; then, when {@code fewer} (some count went down), removes the
     * scope's rows left without a job, so that a count table never holds a 0.
     */
    void apply(DSLContext db, ScopeKey scope, List<Row> rows, boolean fewer) {
        if (rows.isEmpty()) {
            return;
        }
        db.connection(c -> {
            run(c, db.dialect().family() == SQLDialect.POSTGRES, rows);
            if (fewer) {
                try (PreparedStatement delete = c.prepareStatement(deleteEmpty)) {
                    delete.setString(1, scope.projectsId());
                    delete.setString(2, scope.locationsId());
                    delete.executeUpdate();
                }
            }
        });
    }

    private void run(Connection connection, boolean onPostgres, List<Row> rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(onPostgres ? postgres : h2)) {
            for (Row row : rows) {
                row.bind(upsert);
                for (int attempt = 1; ; attempt++) {
                    try {
                        upsert.executeUpdate();
                        break;
                    } catch (SQLException e) {
                        // H2 runs the upsert as a MERGE: when another transaction added the key's first row after this one
                        // looked, the insert branch meets its row, now committed; look again. (On PostgreSQL ON CONFLICT
                        // cannot meet it, and a failed statement ends the transaction anyway.)
                        if (attempt == 3 || onPostgres || !"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        }
    }
}
