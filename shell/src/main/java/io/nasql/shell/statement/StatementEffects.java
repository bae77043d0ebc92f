package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What plain SQL may change, read from its tokens: whether a statement only reads, and whether it
 * writes the mirrored resource's table, which only the write-through verbs may change.
 */
public final class StatementEffects {
    private static final Set<String> READS = Set.of("SELECT", "WITH", "VALUES", "SHOW", "TABLE");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "DROP", "ALTER",
            "CREATE", "GRANT", "REVOKE", "RUNSCRIPT", "BACKUP", "CALL", "COMMENT");
    private static final Set<String> BEFORE_TARGET = Set.of("FROM", "INTO", "TABLE", "VIEW", "IF", "EXISTS", "ONLY");
    /** The resource's view and the tables behind it. */
    private static final Set<String> RESOURCE_TABLES = Set.of("NAS_JOBS", "NAS_JOB_SUMMARIES", "NAS_JOB_DOCUMENTS");
    /** What a CREATE makes whose body, a string, is code that runs later. */
    private static final Set<String> CODE = Set.of("FUNCTION", "PROCEDURE", "ALIAS");

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

    /**
     * True when a writing verb targets {@code nas_jobs} or a table behind it, in any schema or case,
     * in the statement or in code it carries as a string: any {@code $$...$$} or {@code $tag$...$tag$}
     * body (how function bodies and DO blocks are written), and any literal of a DO or CREATE
     * FUNCTION/PROCEDURE. Code that builds its SQL at run time ({@code EXECUTE 'DEL' || 'ETE ...'}) is
     * beyond what reading the text can see.
     */
    public static boolean writesResource(String text, Backend dialect) {
        List<SqlToken> tokens = SqlTokenizer.significant(text, dialect);
        if (targetsResource(tokens)) {
            return true;
        }
        boolean code = definesCode(tokens);
        for (SqlToken token : tokens) {
            boolean body = token.kind() == SqlToken.Kind.DOLLAR_STRING || code && token.kind() == SqlToken.Kind.STRING;
            if (body && writesResource(token.stringValue(), dialect)) {
                return true;
            }
        }
        return false;
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

    private static boolean targetsResource(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != SqlToken.Kind.WORD || !WRITES.contains(upper(tokens.get(i)))) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).kind() == SqlToken.Kind.WORD && BEFORE_TARGET.contains(upper(tokens.get(j)))) {
                j++;
            }
            String last = null;
            while (j < tokens.size() && (tokens.get(j).kind() == SqlToken.Kind.WORD || tokens.get(j).kind() == SqlToken.Kind.QUOTED_NAME)) {
                last = tokens.get(j).name();
                if (j + 1 < tokens.size() && tokens.get(j + 1).isSymbol(".")) {
                    j += 2;
                } else {
                    break;
                }
            }
            if (last != null && RESOURCE_TABLES.contains(last.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String upper(SqlToken token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
