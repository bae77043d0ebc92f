package io.nasql.shell.serve;

import io.nasql.db.Backend;
import io.nasql.shell.statement.SqlToken;
import io.nasql.shell.statement.SqlTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What clients of {@code nasql serve} are told they may run: a statement that does not start with
 * a reading verb, a {@code SET} other than the session settings clients send, or one naming H2's
 * file and link functions, is answered "nasql serve is read only: X is refused" instead of H2's
 * rights error. This filter only words the refusal; it is not what enforces it. Clients log in as
 * a user with SELECT rights alone (see {@link ReadOnlyEndpoint}), so SQL the filter lets through
 * by mistake (a quoted function name, an {@code EXPLAIN ANALYZE} of a write) still cannot write.
 */
public final class ReadOnlyGuard {
    private static final Set<String> VERBS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN",
            "BEGIN", "START", "COMMIT", "ROLLBACK", "END", "SET");
    private static final Set<String> SETTINGS = Set.of("CLIENT_ENCODING", "CLIENT_MIN_MESSAGES", "DATESTYLE", "SEARCH_PATH",
            "JOIN_COLLAPSE_LIMIT", "STATEMENT_TIMEOUT", "TIME", "TRANSACTION", "SESSION", "NAMES");
    private static final Set<String> FUNCTIONS = Set.of("FILE_READ", "FILE_WRITE", "CSVREAD", "CSVWRITE", "LINK_SCHEMA",
            "RUNSCRIPT", "SCRIPT", "BACKUP");

    private ReadOnlyGuard() {
    }

    /** Null when the SQL only reads; else what is refused, e.g. {@code DROP}. */
    static String refusal(String sql) {
        for (List<String> statement : statements(sql)) {
            if (statement.isEmpty()) {
                continue;
            }
            String verb = statement.get(0);
            if (!VERBS.contains(verb)) {
                return verb;
            }
            if (verb.equals("SET") && (statement.size() < 2 || !SETTINGS.contains(statement.get(1)))) {
                return "SET " + (statement.size() < 2 ? "" : statement.get(1));
            }
            for (String word : statement) {
                if (FUNCTIONS.contains(word)) {
                    return word;
                }
            }
        }
        return null;
    }

    /** The words of each statement, upper case, quoted names included, as H2 lexes them (nasql's one SQL tokenizer). */
    private static List<List<String>> statements(String sql) {
        List<List<String>> statements = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (SqlToken token : SqlTokenizer.significant(sql, Backend.H2)) {
            if (token.isSymbol(";")) {
                statements.add(words);
                words = new ArrayList<>();
            } else if (token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_NAME) {
                // A quoted name is still a name: "file_write"(...) calls FILE_WRITE.
                words.add(token.name().toUpperCase(Locale.ROOT));
            }
        }
        statements.add(words);
        return statements;
    }

    /** Thrown by the served database's {@code nasql_read_only} function, which a refused statement becomes. */
    public static void refuse(String what) throws java.sql.SQLException {
        throw new java.sql.SQLException("nasql serve is read only: " + what + " is refused", "25006");
    }
}
