package io.nasql.shell.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180: a header, CRLF line ends, fields quoted when they hold a comma, quote or line break. NULL is empty. */
final class CsvPrinter implements ResultPrinter {
    private final Writer out;

    CsvPrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            field(line, i, columns.get(i).label());
        }
        out.write(line.append("\r\n").toString());
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                field(line, i, Values.text(rows.value(i)));
            }
            out.write(line.append("\r\n").toString());
            count++;
        }
        out.flush();
        return count;
    }

    private static void field(StringBuilder line, int index, String value) {
        if (index > 0) {
            line.append(',');
        }
        if (value == null) {
            return;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    @Override
    public void printStatus(String message) throws IOException {
    }
}
