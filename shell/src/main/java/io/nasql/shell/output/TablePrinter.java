package io.nasql.shell.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns in a box, a header, and a {@code (N rows)} footer. Widths come from the first
 * batch of rows, so a long result streams; a later wider value just pushes its row out. Widths are
 * terminal columns (a wide character takes two), and control characters print escaped.
 */
final class TablePrinter implements ResultPrinter {
    static final int BATCH = 1000;
    private static final String NULL = "NULL";

    private final Writer out;

    TablePrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        int n = columns.size();
        List<String[]> batch = new ArrayList<>();
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = width(CellText.escapeControls(columns.get(i).label()));
        }
        long count = 0;
        boolean more = true;
        while (more && batch.size() < BATCH) {
            more = rows.next();
            if (more) {
                String[] row = row(rows, n);
                for (int i = 0; i < n; i++) {
                    widths[i] = Math.max(widths[i], width(row[i]));
                }
                batch.add(row);
            }
        }
        String rule = rule(widths);
        out.write(rule);
        writeRow(columns.stream().map(c -> CellText.escapeControls(c.label())).toArray(String[]::new), widths, columns, true);
        out.write(rule);
        for (String[] row : batch) {
            writeRow(row, widths, columns, false);
            count++;
        }
        while (more && rows.next()) {
            writeRow(row(rows, n), widths, columns, false);
            count++;
        }
        out.write(rule);
        out.write("(" + count + (count == 1 ? " row)" : " rows)") + "\n");
        out.flush();
        return count;
    }

    @Override
    public void printStatus(String message) throws IOException {
        out.write(message + "\n");
        out.flush();
    }

    private static String[] row(Rows rows, int n) throws Exception {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
            String text = Values.text(rows.value(i));
            row[i] = text == null ? NULL : CellText.escapeControls(text);
        }
        return row;
    }

    private void writeRow(String[] values, int[] widths, List<Column> columns, boolean header) throws IOException {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < values.length; i++) {
            int pad = Math.max(0, widths[i] - width(values[i]));
            boolean right = !header && columns.get(i).kind() == Column.Kind.NUMBER && !NULL.equals(values[i]);
            line.append(' ');
            if (right) {
                line.append(" ".repeat(pad)).append(values[i]);
            } else {
                line.append(values[i]).append(" ".repeat(pad));
            }
            line.append(" |");
        }
        out.write(line.append('\n').toString());
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int w : widths) {
            rule.append("-".repeat(w + 2)).append('+');
        }
        return rule.append('\n').toString();
    }

    private static int width(String s) {
        return CellText.width(s);
    }
}
