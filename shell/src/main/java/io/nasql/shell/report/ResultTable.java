package io.nasql.shell.report;

import io.nasql.shell.output.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The row's value in the column of that label, as text; null when null or there is no such column. */
    String text(List<Object> row, String label) {
        int i = indexOf(label);
        return i < 0 || row.get(i) == null ? null : row.get(i).toString();
    }

    /** The row's number in the column of that label; null when it is not a finite number (NaN and infinities have no place on an axis). */
    Double number(List<Object> row, String label) {
        int i = indexOf(label);
        if (i < 0 || row.get(i) == null) {
            return null;
        }
        double value;
        if (row.get(i) instanceof Number n) {
            value = n.doubleValue();
        } else {
            try {
                value = Double.parseDouble(row.get(i).toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Double.isFinite(value) ? value : null;
    }

    /** The rows per job, in their order, keyed by project, location and job id (the columns there are of these). */
    Map<String, List<List<Object>>> byJob() {
        Map<String, List<List<Object>>> jobs = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            String key = text(row, "projectsId") + "/" + text(row, "locationsId") + "/" + text(row, "nasJobsId");
            jobs.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(row);
        }
        return jobs;
    }

    /** A job's heading: its display name, then where it is. */
    String jobTitle(List<Object> row) {
        String name = text(row, "displayName");
        String where = text(row, "projectsId") + " / " + text(row, "locationsId") + " / " + text(row, "nasJobsId");
        return name == null ? where : name + " (" + where + ")";
    }
}
