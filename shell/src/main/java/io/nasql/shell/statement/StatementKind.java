package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.regex.Pattern;

/** What a statement asks for; anything not listed here is SQL for the inventory. */
public enum StatementKind {
    INSERT_JOBS("INSERT\\s+INTO\\s+" + Names.RESOURCE + "\\b"),
    DELETE_JOBS("DELETE\\s+FROM\\s+" + Names.RESOURCE + "\\b"),
    UPDATE_JOBS("(UPDATE|MERGE\\s+INTO|TRUNCATE\\s+TABLE)\\s+" + Names.RESOURCE + "\\b"),
    EXEC("EXEC\\b"),
    SYNC("SYNC\\b"),
    SHOW_INSERT("SHOW\\s+INSERT\\b"),
    SHOW_SERVICES("SHOW\\s+SERVICES\\b"),
    SHOW_RESOURCES("SHOW\\s+RESOURCES\\b"),
    SHOW_METHODS("SHOW\\s+METHODS\\b"),
    SHOW_SCOPES("SHOW\\s+SCOPES\\b"),
    DESCRIBE("(DESCRIBE|DESC)\\s"),
    SETTING("SET\\s+(?i:" + String.join("|", Setting.names()) + ")\\b"),
    REPORT("REPORT\\b"),
    SQL("");

    private final Pattern head;

    StatementKind(String regex) {
        this.head = Pattern.compile("^\\s*" + regex, Pattern.CASE_INSENSITIVE);
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
