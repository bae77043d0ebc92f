package io.nasql.shell.output;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;

/** A JDBC result set as {@link Rows}, typed from its metadata. */
public final class JdbcRows implements Rows {
    private final ResultSet resultSet;
    private final List<Column> columns;
    private final int[] sqlTypes;

    public JdbcRows(ResultSet resultSet) throws SQLException {
        this.resultSet = resultSet;
        ResultSetMetaData meta = resultSet.getMetaData();
        List<Column> cols = new ArrayList<>();
        sqlTypes = new int[meta.getColumnCount()];
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            sqlTypes[i - 1] = sqlType(meta.getColumnType(i), meta.getColumnTypeName(i));
            cols.add(new Column(meta.getColumnLabel(i), kind(meta.getColumnType(i), meta.getColumnTypeName(i))));
        }
        this.columns = List.copyOf(cols);
    }

    /** PostgreSQL's driver reports timestamptz as TIMESTAMP; its zone is kept by asking for an OffsetDateTime. */
    private static int sqlType(int type, String typeName) {
        return switch (typeName == null ? "" : typeName.toLowerCase(java.util.Locale.ROOT)) {
            case "timestamptz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "timetz" -> Types.TIME_WITH_TIMEZONE;
            default -> type;
        };
    }

    private static Column.Kind kind(int type, String typeName) {
        if ("JSON".equalsIgnoreCase(typeName) || "jsonb".equalsIgnoreCase(typeName)) {
            return Column.Kind.JSON;
        }
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                 Types.NUMERIC, Types.DECIMAL -> Column.Kind.NUMBER;
            case Types.BOOLEAN, Types.BIT -> Column.Kind.BOOLEAN;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.TIME, Types.TIME_WITH_TIMEZONE -> Column.Kind.TIME;
            default -> Column.Kind.TEXT;
        };
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws SQLException {
        return resultSet.next();
    }

    @Override
    public Object value(int column) throws SQLException {
        int i = column + 1;
        return switch (columns.get(column).kind()) {
            case NUMBER, BOOLEAN -> resultSet.getObject(i);
            case TIME -> time(i);
            case JSON -> compact(resultSet.getString(i));
            case TEXT -> resultSet.getString(i);
        };
    }

    /** JSON on one line without spaces, as H2 keeps it; PostgreSQL's jsonb prints {@code {"a": 1}}. */
    private static String compact(String json) {
        if (json == null || json.indexOf(' ') < 0) {
            return json;
        }
        try {
            return Json.MAPPER.readTree(json).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    /** Made on the first JSON value with spaces in it. */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    /** ISO-8601 text of a date or time value, with its zone where it has one. */
    private String time(int i) throws SQLException {
        Class<?> type = switch (sqlTypes[i - 1]) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.class;
            case Types.TIME_WITH_TIMEZONE -> OffsetTime.class;
            case Types.DATE -> LocalDate.class;
            case Types.TIME -> LocalTime.class;
            default -> LocalDateTime.class;
        };
        Object value = resultSet.getObject(i, type);
        return value == null ? null : value.toString();
    }

    @Override
    public void close() throws SQLException {
        resultSet.close();
    }
}
