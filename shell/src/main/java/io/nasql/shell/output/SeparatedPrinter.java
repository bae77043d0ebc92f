package io.nasql.shell.output;

import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A header line, then a line per row, fields joined by a separator: CSV and tab-separated text,
 * which differ only in how a field is written. NULL is an empty field in both.
 */
final class SeparatedPrinter implements ResultPrinter {
    private final Writer out;
    private final String separator;
    private final String lineEnd;
    private final UnaryOperator<String> field;

    private SeparatedPrinter(Writer out, String separator, String lineEnd, UnaryOperator<String> field) {
        this.out = out;
        this.separator = separator;
        this.lineEnd = lineEnd;
        this.field = field;
    }

    /**
     * RFC 4180 quoting (a field quoted when it holds a comma, a quote or a line break), with lines ending
     * in a newline as psql, Trino's CLI and StackQL write them, so {@code cut} and {@code awk} see no stray CR;
     * {@code crlf} ends them with CRLF as the RFC does.
     */
    static SeparatedPrinter csv(Writer out, boolean crlf) {
        return new SeparatedPrinter(out, ",", crlf ? "\r\n" : "\n", value ->
                value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                        ? '"' + value.replace("\"", "\"\"") + '"'
                        : value);
    }

    /** Tab-separated, with backslashes doubled and tabs, line breaks and every other control escaped as a table shows them. */
    static SeparatedPrinter text(Writer out) {
        return new SeparatedPrinter(out, "\t", "\n", value -> CellText.escapeControls(value.replace("\\", "\\\\")));
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(i > 0 ? separator : "").append(field.apply(columns.get(i).label()));
        }
        out.write(line.append(lineEnd).toString());
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                String text = Values.text(rows.value(i));
                line.append(i > 0 ? separator : "").append(text == null ? "" : field.apply(text));
            }
            out.write(line.append(lineEnd).toString());
            count++;
        }
        out.flush();
        return count;
    }
}
