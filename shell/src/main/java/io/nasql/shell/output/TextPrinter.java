package io.nasql.shell.output;

import java.io.Writer;
import java.util.List;

/** Tab-separated with a header; tabs, line breaks and backslashes in values escaped; NULL is empty. */
final class TextPrinter implements ResultPrinter {
    private final Writer out;

    TextPrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(i > 0 ? "\t" : "").append(escape(columns.get(i).label()));
        }
        out.write(line.append('\n').toString());
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                String text = Values.text(rows.value(i));
                line.append(i > 0 ? "\t" : "").append(text == null ? "" : escape(text));
            }
            out.write(line.append('\n').toString());
            count++;
        }
        out.flush();
        return count;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
