package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** What a statement asks for; anything not listed here is SQL for the inventory. */
public enum StatementKind {
    INSERT_JOBS("INSERT\\s+INTO\\s+" + Names.RESOURCE + "\\b",
            "INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, displayName, nasJobSpec, ...) SELECT ...;",
            "creates jobs"),
    DELETE_JOBS("DELETE\\s+FROM\\s+" + Names.RESOURCE + "\\b", "DELETE FROM google.aiplatform.nas_jobs WHERE ...;", "deletes jobs"),
    UPDATE_JOBS("(UPDATE|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+" + Names.RESOURCE + "\\b", "UPDATE google.aiplatform.nas_jobs SET ...;",
            "refused: the API cannot change a job"),
    EXEC("EXEC\\b", "EXEC google.aiplatform.nas_jobs.cancel @locationsId='...', @nasJobsId='...', @projectsId='...';", "cancels a job"),
    SYNC("SYNC\\b", "SYNC [google.aiplatform.nas_jobs] [WHERE projectsId = '...' AND locationsId = '...'];", "reads the API into the inventory"),
    SHOW_INSERT("SHOW\\s+INSERT\\b", "SHOW INSERT INTO google.aiplatform.nas_jobs;", "an INSERT to fill in"),
    SHOW_SERVICES("SHOW\\s+SERVICES\\b", "SHOW SERVICES;", null),
    SHOW_RESOURCES("SHOW\\s+RESOURCES\\b", "SHOW RESOURCES IN google.aiplatform;", "nas_jobs and the local tables"),
    SHOW_METHODS("SHOW\\s+METHODS\\b", "SHOW METHODS IN google.aiplatform.nas_jobs;", null),
    SHOW_SCOPES("SHOW\\s+SCOPES\\b", "SHOW SCOPES;", "every synced scope and its status"),
    DESCRIBE("(DESCRIBE|DESC)\\s", "DESCRIBE google.aiplatform.nas_jobs;", "every field"),
    SETTING("SET\\s+(?i:" + String.join("|", Setting.names()) + ")\\b", "SET output = json;", "settings: " + String.join(", ", Setting.names())),
    REPORT("REPORT\\b", "REPORT name [var=value ...];", "runs a saved report, such as stuck-jobs hours=48"),
    SQL("", "SELECT ... FROM google.aiplatform.nas_jobs WHERE projectsId = '...' AND locationsId = '...';",
            "any SQL runs on the inventory; a SELECT of nas_jobs syncs stale scopes first");

    private static final Pattern KEYWORD = Pattern.compile("\\b[A-Z][A-Z_]+\\b");

    private final Pattern head;
    private final String example;
    private final String note;

    /**
     * @param regex   the statement's leading words
     * @param example how the statement is written, as help shows it; its upper-case words are what Tab completes
     * @param note    what it does, briefly, or null
     */
    StatementKind(String regex, String example, String note) {
        this.head = Pattern.compile("^\\s*" + regex, Pattern.CASE_INSENSITIVE);
        this.example = example;
        this.note = note;
    }

    /** How the statement is written: one line of the shell's help. */
    public String example() {
        return example;
    }

    /** The help line: the example, and what it does. */
    public String usage() {
        return note == null ? example : example + "  (" + note + ")";
    }

    /** The keywords of the example, for completion: its upper-case words. */
    public List<String> keywords() {
        return KEYWORD.matcher(example).results().map(MatchResult::group).toList();
    }

    /** The kind of a statement, judged by its first words outside comments and hints. */
    public static StatementKind of(String text, Backend dialect) {
        String bare = Sql.stripComments(text, dialect);
        for (StatementKind kind : values()) {
            if (kind != SQL && kind.head.matcher(bare).find()) {
                return kind;
            }
        }
        return SQL;
    }

    /** Names of the resource and of the inventory's tables, as statements may write them. */
    public static final class Names {
        /** {@code google.aiplatform.nas_jobs}, or {@code aiplatform.nas_jobs} in the default catalog. */
        public static final String RESOURCE = "(?:\"?google\"?\\.)?\"?aiplatform\"?\\.\"?nas_jobs\"?";

        private Names() {
        }
    }
}
