package io.nasql.shell.output;

import java.util.List;

/** Rows held in memory, for introspection and summaries. */
public final class ListRows implements Rows {
    private final List<Column> columns;
    private final List<List<Object>> rows;
    private int index = -1;

    public ListRows(List<Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** Text columns with these labels. */
    public static ListRows ofText(List<String> labels, List<List<Object>> rows) {
        return new ListRows(labels.stream().map(l -> new Column(l, Column.Kind.TEXT)).toList(), rows);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        return ++index < rows.size();
    }

    @Override
    public Object value(int column) {
        return rows.get(index).get(column);
    }
}
