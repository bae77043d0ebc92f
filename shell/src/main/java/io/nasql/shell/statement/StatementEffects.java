package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What plain SQL may change, read from its tokens: whether a statement only reads, and whether it
 * writes the inventory's own tables, which only the write-through verbs and sync may change. A
 * safety net against mistakes, not a security boundary: code that builds its SQL at run time
 * ({@code EXECUTE 'DEL' || 'ETE ...'}) or a function created elsewhere is beyond what reading the
 * text can see.
 */
public final class StatementEffects {
    private static final Set<String> READS = Set.of("SELECT", "WITH", "VALUES", "SHOW", "TABLE");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "DROP", "ALTER",
            "CREATE", "GRANT", "REVOKE", "RUNSCRIPT", "BACKUP", "CALL", "COMMENT");
    /** Verbs that start a statement; elsewhere the word is something else ({@code ALTER TABLE t DROP COLUMN c}). */
    private static final Set<String> STATEMENT_VERBS = Set.of("TRUNCATE", "DROP", "ALTER", "CREATE", "GRANT", "REVOKE",
            "RUNSCRIPT", "BACKUP", "CALL", "COMMENT", "COPY");
    /** Where a statement starts inside code or EXPLAIN: after ; or one of these words. */
    private static final Set<String> STATEMENT_STARTS = Set.of("BEGIN", "THEN", "ELSE", "LOOP", "DO", "EXPLAIN", "ANALYZE", "VERBOSE");
    /** Words between a writing verb (or INTO) and the name it changes. */
    private static final Set<String> BEFORE_TARGET = Set.of("FROM", "INTO", "TABLE", "VIEW", "IF", "NOT", "EXISTS", "ONLY",
            "SCHEMA", "MATERIALIZED", "OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "CACHED", "MEMORY",
            "SEQUENCE", "INDEX", "UNIQUE", "CONCURRENTLY", "FOREIGN", "FUNCTION", "PROCEDURE", "ALIAS", "TRIGGER", "RULE",
            "POLICY", "TYPE", "DOMAIN", "SYNONYM", "CONSTANT", "LINKED", "FORCE", "RECURSIVE", "AGGREGATE", "COLUMN");
    /** Statements that name the table they act on after ON or TO: rules, triggers, policies, indexes, comments, grants. */
    private static final Set<String> ON_TABLE = Set.of("RULE", "TRIGGER", "POLICY", "INDEX", "STATISTICS");
    /**
     * The inventory's schemas, tables and views (db/src/main/resources/db), Flyway's history and the
     * functions the inventory defines: a name with any of these parts is the inventory's.
     */
    static final Set<String> INVENTORY_NAMES = Set.of("AIPLATFORM", "NASQL", "FLYWAY_SCHEMA_HISTORY",
            "NAS_JOBS", "NAS_JOB_SUMMARIES", "NAS_JOB_DOCUMENTS", "NAS_JOB_COUNTS", "NAS_JOB_LABEL_COUNTS", "NAS_JOB_EVENTS", "NAS_TRIALS", "PROJECT_LOCATIONS",
            "SYNC_LEASES", "SYNC_RUNS", "SYNC_SCOPES", "JSON_VALUE", "JSON_COMPACT");
    /** What a CREATE makes whose body, a string, is code that runs later. */
    private static final Set<String> CODE = Set.of("FUNCTION", "PROCEDURE", "ALIAS");
    private static final String TABLES = "google.aiplatform.nas_jobs changes only through the API: INSERT INTO google.aiplatform.nas_jobs,"
            + " DELETE FROM google.aiplatform.nas_jobs or EXEC google.aiplatform.nas_jobs.cancel; plain SQL that writes the inventory's"
            + " tables is refused (sync fills them)";
    private static final String JAVA_CODE = "CREATE ALIAS ... AS (Java source) and CREATE TRIGGER are refused on an H2 inventory:"
            + " their Java code could change the inventory's tables";

    /** H2's trace settings: a trace file is made readable by others, and a trace on stdout shows the URL's password. */
    private static final Set<String> TRACE_SETTINGS = Set.of("TRACE_LEVEL_FILE", "TRACE_LEVEL_SYSTEM_OUT");
    private static final String TRACE = "SET TRACE_LEVEL_FILE and SET TRACE_LEVEL_SYSTEM_OUT are refused on an H2 inventory:"
            + " H2's trace writes SQL and settings where others can read them (use --debug for details)";

    private StatementEffects() {
    }

    /** True for a query: it starts with SELECT, WITH, VALUES, SHOW or TABLE and has no writing verb anywhere. */
    public static boolean isQuery(String text, Backend dialect) {
        List<SqlToken> tokens = SqlTokenizer.significant(text, dialect);
        SqlToken first = tokens.stream().filter(t -> !t.isSymbol("(")).findFirst().orElse(null);
        return first != null && first.kind() == SqlToken.Kind.WORD && READS.contains(upper(first))
                && tokens.stream().noneMatch(t -> t.kind() == SqlToken.Kind.WORD && WRITES.contains(upper(t)));
    }

    /** The statement's first word, for messages. */
    public static String verb(String text, Backend dialect) {
        return SqlTokenizer.significant(text, dialect).stream().findFirst().map(StatementEffects::upper).orElse("");
    }

    /** True when the statement would change the inventory's tables, schema or code (see {@link #refusal}). */
    public static boolean writesResource(String text, Backend dialect) {
        return refusal(text, dialect, false).isPresent();
    }

    /**
     * Why plain SQL may not run (a message), or empty: a writing verb, INTO, COPY ... FROM, or a rule, trigger, policy or
     * index ON/TO names the inventory's schema or one of its tables, views or functions (every name of a
     * list, {@code U&"..."} decoded), in the statement or in code it carries as a string: any
     * {@code $$...$$} or {@code $tag$...$tag$} body and every literal inside it (EXECUTE '...'), and any
     * literal of a DO or CREATE FUNCTION/PROCEDURE, checked the same way down to any depth. On H2, Java
     * code (CREATE ALIAS ... AS, CREATE TRIGGER) is refused outright. {@code backslashStrings}: the
     * PostgreSQL session has standard_conforming_strings off.
     */
    public static Optional<String> refusal(String text, Backend dialect, boolean backslashStrings) {
        List<SqlToken> tokens = SqlTokenizer.significant(text, dialect, backslashStrings);
        if (dialect == Backend.H2 && runsJava(tokens)) {
            return Optional.of(JAVA_CODE);
        }
        if (dialect == Backend.H2 && setsTrace(tokens)) {
            return Optional.of(TRACE);
        }
        if (dropsEverything(tokens)) {
            return Optional.of(TABLES);
        }
        return writes(tokens, dialect, backslashStrings, false) ? Optional.of(TABLES) : Optional.empty();
    }

    private static boolean writes(List<SqlToken> tokens, Backend dialect, boolean backslashStrings, boolean inBody) {
        if (targetsInventory(tokens)) {
            return true;
        }
        boolean code = inBody || definesCode(tokens);
        for (SqlToken token : tokens) {
            boolean body = token.kind() == SqlToken.Kind.DOLLAR_STRING || code && token.kind() == SqlToken.Kind.STRING;
            if (body && writes(SqlTokenizer.significant(token.stringValue(), dialect, backslashStrings), dialect, backslashStrings, true)) {
                return true;
            }
        }
        return false;
    }

    /** DROP ALL OBJECTS (H2), DROP OWNED / REASSIGN OWNED (PostgreSQL), RUNSCRIPT: whatever they name, the inventory goes with it. */
    private static boolean dropsEverything(List<SqlToken> tokens) {
        List<String> words = tokens.stream().limit(2).filter(t -> t.kind() == SqlToken.Kind.WORD).map(StatementEffects::upper).toList();
        return !words.isEmpty() && (words.get(0).equals("RUNSCRIPT") || words.get(0).equals("REASSIGN")
                || words.get(0).equals("DROP") && words.size() > 1 && (words.get(1).equals("ALL") || words.get(1).equals("OWNED")));
    }

    /** SET TRACE_LEVEL_FILE / TRACE_LEVEL_SYSTEM_OUT, as a statement of its own or after a ; in the text. */
    private static boolean setsTrace(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("SET") && (i == 0 || tokens.get(i - 1).isSymbol(";"))
                    && (tokens.get(i + 1).kind() == SqlToken.Kind.WORD || tokens.get(i + 1).kind() == SqlToken.Kind.QUOTED_NAME)
                    && TRACE_SETTINGS.contains(tokens.get(i + 1).name().toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsJava(List<SqlToken> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return false;
        }
        List<String> words = tokens.stream().limit(6).filter(t -> t.kind() == SqlToken.Kind.WORD).map(StatementEffects::upper).toList();
        return words.contains("TRIGGER") || words.contains("ALIAS") && tokens.stream().anyMatch(t -> t.isWord("AS"));
    }

    private static boolean definesCode(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.get(0).isWord("DO")) {
            return true;
        }
        return tokens.get(0).isWord("CREATE") && tokens.stream().anyMatch(t -> CODE.contains(upper(t)) && t.kind() == SqlToken.Kind.WORD);
    }

    private static boolean targetsInventory(List<SqlToken> tokens) {
        boolean onTable = definesOnTable(tokens);
        boolean copyFrom = tokens.stream().anyMatch(t -> t.isWord("FROM"));
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() != SqlToken.Kind.WORD) {
                continue;
            }
            String word = upper(token);
            if (!isVerbAt(tokens, i, word)) {
                continue;
            }
            boolean target = WRITES.contains(word) || word.equals("COPY") && copyFrom || word.equals("INTO")
                    || onTable && (word.equals("ON") || word.equals("TO"));
            if (target && targets(tokens, i + 1).stream().anyMatch(StatementEffects::isInventoryName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code i} acts as a verb: never as an alias or after a dot ({@code AS update},
     * {@code t.copy}); a statement verb only where a statement starts.
     */
    private static boolean isVerbAt(List<SqlToken> tokens, int i, String word) {
        SqlToken before = i == 0 ? null : tokens.get(i - 1);
        if (before != null && (before.isWord("AS") || before.isSymbol("."))) {
            return false;
        }
        return !STATEMENT_VERBS.contains(word) || before == null || before.isSymbol(";")
                || before.kind() == SqlToken.Kind.WORD && STATEMENT_STARTS.contains(upper(before));
    }

    /** CREATE/ALTER/DROP of a rule, trigger, policy or index, COMMENT, GRANT, REVOKE, SECURITY LABEL: ON/TO names a table. */
    private static boolean definesOnTable(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        String first = upper(tokens.get(0));
        if (Set.of("COMMENT", "GRANT", "REVOKE", "SECURITY").contains(first)) {
            return true;
        }
        return Set.of("CREATE", "ALTER", "DROP").contains(first)
                && tokens.stream().limit(5).anyMatch(t -> t.kind() == SqlToken.Kind.WORD && ON_TABLE.contains(upper(t)));
    }

    /** The names a verb at {@code from} acts on: one qualified name, or a comma-separated list of them. */
    private static List<List<String>> targets(List<SqlToken> tokens, int from) {
        List<List<String>> names = new ArrayList<>();
        int j = from;
        while (true) {
            while (j < tokens.size() && tokens.get(j).kind() == SqlToken.Kind.WORD && BEFORE_TARGET.contains(upper(tokens.get(j)))) {
                j++;
            }
            List<String> name = new ArrayList<>();
            while (j < tokens.size() && (tokens.get(j).kind() == SqlToken.Kind.WORD || tokens.get(j).kind() == SqlToken.Kind.QUOTED_NAME)) {
                name.add(tokens.get(j).name().toUpperCase(Locale.ROOT));
                j++;
                if (j < tokens.size() && tokens.get(j).isSymbol(".")) {
                    j++;
                } else {
                    break;
                }
            }
            if (name.isEmpty()) {
                return names;
            }
            names.add(name);
            if (j < tokens.size() && tokens.get(j).isSymbol("*")) {
                j++;
            }
            if (j >= tokens.size() || !tokens.get(j).isSymbol(",")) {
                return names;
            }
            j++;
        }
    }

    /**
     * A qualified name is the inventory's when a qualifier is its schema ({@code backup.nas_trials} is the
     * user's own) or it is one of the inventory's functions; an unqualified one when it is any inventory
     * name, as the search path may resolve it.
     */
    private static boolean isInventoryName(List<String> parts) {
        String last = parts.get(parts.size() - 1);
        if (parts.size() == 1 || last.equals("JSON_VALUE") || last.equals("JSON_COMPACT")) { // the functions live in public
            return INVENTORY_NAMES.contains(last);
        }
        return parts.subList(0, parts.size() - 1).stream().anyMatch(p -> p.equals("AIPLATFORM") || p.equals("NASQL"));
    }

    private static String upper(SqlToken token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
