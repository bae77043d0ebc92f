package io.nasql.shell.report;

import io.nasql.shell.output.Column;
import java.util.List;

/** A whole result held in memory, for the HTML report and its chart. */
record ResultTable(List<Column> columns, List<List<Object>> rows) {

    int indexOf(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equalsIgnoreCase(label)) {
                return i;
            }
        }
        return -1;
    }
}
