package io.nasql.shell.output;

import java.io.Writer;
import java.util.List;

/** One field per line, a header per row, as psql's {@code \x} and MySQL's {@code \G}. */
final class VerticalPrinter implements ResultPrinter {
    private final Writer out;

    VerticalPrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        int width = columns.stream().mapToInt(c -> c.label().length()).max().orElse(0);
        long count = 0;
        while (rows.next()) {
            count++;
            out.write("-[ RECORD " + count + " ]" + "-".repeat(Math.max(3, width - 8)) + "\n");
            for (int i = 0; i < columns.size(); i++) {
                String text = Values.text(rows.value(i));
                String label = columns.get(i).label();
                out.write(label + " ".repeat(width - label.length()) + " | " + (text == null ? "NULL" : text) + "\n");
            }
        }
        out.write("(" + count + (count == 1 ? " row)" : " rows)") + "\n");
        out.flush();
        return count;
    }

    @Override
    public void printStatus(String message) throws java.io.IOException {
        out.write(message + "\n");
        out.flush();
    }
}
