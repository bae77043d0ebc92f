package io.nasql.shell.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One field per line, a header per row, as psql's {@code \x} and MySQL's {@code \G}. A JSON value
 * (a nasJobSpec, a nasJobOutput) is indented over several lines under its field, and on a colour
 * terminal the field names stand out. Control characters print escaped.
 */
final class VerticalPrinter implements ResultPrinter {
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final Writer out;
    private final boolean color;

    VerticalPrinter(Writer out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        List<String> labels = columns.stream().map(c -> CellText.escapeControls(c.label())).toList();
        int width = labels.stream().mapToInt(CellText::width).max().orElse(0);
        String continuation = " ".repeat(width) + " | ";
        JsonLines json = new JsonLines(color);
        long count = 0;
        while (rows.next()) {
            count++;
            out.write("-[ RECORD " + count + " ]" + "-".repeat(Math.max(3, width - 8)) + "\n");
            for (int i = 0; i < columns.size(); i++) {
                String text = Values.text(rows.value(i));
                String label = labels.get(i);
                StringBuilder line = new StringBuilder(color ? BOLD + label + RESET : label)
                        .append(" ".repeat(width - CellText.width(label))).append(" | ");
                if (text == null) {
                    line.append("NULL");
                } else if (columns.get(i).kind() == Column.Kind.JSON) {
                    line.append(String.join("\n" + continuation, json.lines(text)));
                } else {
                    line.append(CellText.escapeControls(text));
                }
                out.write(line.append('\n').toString());
            }
        }
        out.write("(" + count + (count == 1 ? " row)" : " rows)") + "\n");
        out.flush();
        return count;
    }

    @Override
    public void printStatus(String message) throws IOException {
        out.write(message + "\n");
        out.flush();
    }
}
