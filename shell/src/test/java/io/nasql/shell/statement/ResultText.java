package io.nasql.shell.statement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A query's result as text, to compare two ways of asking: a line of labels with their types, then a line per row. */
final class ResultText {
    private ResultText() {
    }

    /** {@code typeNames}: the database's type names; else JDBC's type numbers (for results that differ only in the name). */
    static List<String> of(Connection connection, String sql, boolean typeNames) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                labels.add(meta.getColumnLabel(i) + ":" + (typeNames ? meta.getColumnTypeName(i) : String.valueOf(meta.getColumnType(i))));
            }
            out.add(String.join(",", labels));
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(Objects.toString(rs.getString(i)));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }
}
