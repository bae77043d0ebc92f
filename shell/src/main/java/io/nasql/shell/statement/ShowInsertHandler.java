package io.nasql.shell.statement;

import io.nasql.shell.output.ListRows;
import io.nasql.shell.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SHOW INSERT INTO google.aiplatform.nas_jobs}, as StackQL answers it: an INSERT of the
 * resource's writable columns with a {@code {{ placeholder }}} per value, ready to paste and fill;
 * with {@code /*+ REQUIRED *}{@code /} only the required ones (the method's required parameters and
 * the fields the proto marks REQUIRED).
 */
public final class ShowInsertHandler implements Handler {
    private static final Pattern SHOW_INSERT = Pattern.compile("^\\s*SHOW\\s+INSERT\\s+INTO\\s+" + StatementKind.Names.RESOURCE + "\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** The writable columns in the order of the reference page's INSERT, and how each value is written. */
    private static final List<String> COLUMNS = List.of("locationsId", "projectsId", "enableRestrictedImageTraining", "labels",
            "nasJobSpec", "displayName", "encryptionSpec");
    /** createNasJob's required parameters, and NasJob's REQUIRED fields (nas_job.proto: display_name, nas_job_spec). */
    private static final Set<String> REQUIRED = Set.of("locationsId", "projectsId", "nasJobSpec", "displayName");
    private static final Set<String> UNQUOTED = Set.of("enableRestrictedImageTraining");

    @Override
    public void run(Statement statement, Execution execution) throws Exception {
        if (!SHOW_INSERT.matcher(Sql.stripComments(statement.text(), statement.dialect())).matches()) {
            throw new StatementException("write it as SHOW INSERT INTO google.aiplatform.nas_jobs, or with /*+ REQUIRED */ after SHOW",
                    statement.position());
        }
        String template = template(Sql.hints(statement.text(), statement.dialect()).contains("REQUIRED"));
        OutputFormat format = execution.settings().format();
        if (format == OutputFormat.TABLE || format == OutputFormat.VERTICAL) {
            // As text, so that it pastes as it is.
            execution.out().write(template + System.lineSeparator());
            execution.out().flush();
        } else {
            execution.printer().print(ListRows.ofText(List.of("insert_statement"), List.of(List.of(template))));
        }
    }

    static String template(boolean requiredOnly) {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (requiredOnly) {
            columns.removeIf(c -> !REQUIRED.contains(c));
        }
        String n = System.lineSeparator();
        StringBuilder text = new StringBuilder("INSERT INTO google.aiplatform.nas_jobs (").append(n);
        text.append(String.join("," + n, columns)).append(n).append(")").append(n).append("SELECT").append(n);
        List<String> values = columns.stream().map(c -> UNQUOTED.contains(c) ? "{{ " + c + " }}" : "'{{ " + c + " }}'").toList();
        text.append(String.join("," + n, values)).append(n).append(";");
        return text.toString();
    }
}
