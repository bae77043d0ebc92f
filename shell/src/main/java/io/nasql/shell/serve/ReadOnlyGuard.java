package io.nasql.shell.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What clients of {@code nasql serve} may run. H2's PG server makes every client an administrator
 * of the served database, which could otherwise create objects, run scripts, read and write files
 * or load code. Only reading is let through: each statement must start with a reading verb, a
 * {@code SET} must be one of the session settings clients send, and H2's file and link functions
 * are refused wherever they appear. The inventory tables themselves are read-only links besides.
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

    /** The words of each statement, upper case, outside literals, quoted names and comments. */
    private static List<List<String>> statements(String sql) {
        List<List<String>> statements = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                while (close > 0 && close + 1 < n && sql.charAt(close + 1) == c) {
                    close = sql.indexOf(c, close + 2);
                }
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int end = sql.indexOf("$$", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                statements.add(words);
                words = new ArrayList<>();
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                words.add(sql.substring(i, end).toUpperCase(Locale.ROOT));
                i = end;
            } else {
                i++;
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
