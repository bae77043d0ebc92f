package io.nasql.shell.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a read of {@code google.aiplatform.nas_jobs} that names neither large document against
 * {@code nas_job_summaries}, the narrow table under the view: the same rows and columns, without
 * the LEFT JOIN to {@code nas_job_documents} that H2 would otherwise make for every row (H2 keeps
 * an unused outer join; PostgreSQL drops it). Anything this cannot prove safe runs on the view as
 * written: a {@code *} projection, NATURAL, a column qualified by the table's full name, or a use
 * of the summaries' own columns ({@code metricId}, {@code goal}) that could mean nas_jobs.
 */
public final class SummaryRouting {
    static final String SUMMARIES = "nas_job_summaries";
    private static final Set<String> DOCUMENTS = Set.of("nasjobspec", "nasjoboutput");
    private static final Set<String> SUMMARY_ONLY = Set.of("metricid", "goal");
    /** Words that may follow a table reference without being its alias. */
    private static final Set<String> AFTER_TABLE = Set.of("where", "group", "order", "having", "join", "left", "right", "inner",
            "outer", "full", "cross", "on", "using", "limit", "offset", "fetch", "union", "except", "minus", "intersect", "window",
            "qualify", "for", "use");

    private SummaryRouting() {
    }

    /** The SQL to run: the statement itself, or the same read over nas_job_summaries. */
    public static String route(String sql) {
        List<Token> tokens = Token.scan(sql);
        if (tokens.isEmpty() || !(tokens.get(0).is("select") || tokens.get(0).is("with"))) {
            return sql;
        }
        List<Integer> tables = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>(Set.of("nas_jobs"));
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() && (DOCUMENTS.contains(t.name()) || t.is("natural"))) {
                return sql;
            }
            if (t.text().equals("*") && isProjection(tokens, i)) {
                return sql;
            }
            int table = resourceEnd(tokens, i);
            if (table >= 0) {
                if (table + 1 < tokens.size() && tokens.get(table + 1).text().equals(".")) {
                    return sql;
                }
                tables.add(table);
                Token next = table + 1 < tokens.size() ? tokens.get(table + 1) : null;
                if (next != null && next.is("as") && table + 2 < tokens.size()) {
                    names.add(tokens.get(table + 2).name());
                } else if (next != null && next.isWord() && !AFTER_TABLE.contains(next.name())) {
                    names.add(next.name());
                }
                i = table;
            }
        }
        if (tables.isEmpty() || usesSummaryOnlyColumn(tokens, names)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int from = 0;
        for (int table : tables) {
            Token t = tokens.get(table);
            out.append(sql, from, t.start()).append(t.quoted() ? '"' + SUMMARIES + '"' : SUMMARIES);
            Token next = table + 1 < tokens.size() ? tokens.get(table + 1) : null;
            boolean aliased = next != null && (next.is("as") || next.isWord() && !AFTER_TABLE.contains(next.name()));
            if (!aliased) {
                // Columns qualified as nas_jobs.x still resolve.
                out.append(" AS nas_jobs");
            }
            from = t.end();
        }
        return out.append(sql.substring(from)).toString();
    }

    /** The index of {@code nas_jobs} in {@code [google.]aiplatform.nas_jobs} starting at i, or -1. */
    private static int resourceEnd(List<Token> tokens, int i) {
        int j = i;
        if (at(tokens, j, "google") && at(tokens, j + 1, ".") && at(tokens, j + 2, "aiplatform")) {
            j += 2;
        }
        if (at(tokens, j, "aiplatform") && at(tokens, j + 1, ".") && at(tokens, j + 2, "nas_jobs")
                && !(i > 0 && tokens.get(i - 1).text().equals("."))) {
            return j + 2;
        }
        return -1;
    }

    private static boolean at(List<Token> tokens, int i, String word) {
        return i < tokens.size() && (word.equals(".") ? tokens.get(i).text().equals(".") : tokens.get(i).is(word));
    }

    /** {@code *} as "every column" (after SELECT, DISTINCT, ALL, a comma or a qualifier's dot), not a product or COUNT(*). */
    private static boolean isProjection(List<Token> tokens, int i) {
        if (i == 0) {
            return true;
        }
        Token before = tokens.get(i - 1);
        return before.is("select") || before.is("distinct") || before.is("all") || before.text().equals(",")
                || before.text().equals(".") || i >= 2 && tokens.get(i - 2).is("top");
    }

    /** metricId or goal, unqualified or qualified by a name nas_jobs goes by: on the view it would not resolve there. */
    private static boolean usesSummaryOnlyColumn(List<Token> tokens, Set<String> names) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() && SUMMARY_ONLY.contains(t.name())) {
                boolean qualified = i >= 2 && tokens.get(i - 1).text().equals(".");
                if (!qualified || names.contains(tokens.get(i - 2).name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A significant token of the one tokenizer, as this class compares them. */
    record Token(SqlToken token) {
        static List<Token> scan(String sql) {
            return SqlTokenizer.significant(sql).stream().map(Token::new).toList();
        }

        boolean isWord() {
            return token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_NAME;
        }

        /** The identifier as H2 matches it here: case-insensitive, quotes removed. */
        String name() {
            return token.name().toLowerCase(Locale.ROOT);
        }

        boolean is(String word) {
            return isWord() && name().equals(word);
        }

        /** The text of a symbol or number; nothing else compares by text. */
        String text() {
            return token.kind() == SqlToken.Kind.SYMBOL || token.kind() == SqlToken.Kind.NUMBER ? token.text() : "";
        }

        boolean quoted() {
            return token.kind() == SqlToken.Kind.QUOTED_NAME;
        }

        int start() {
            return token.start();
        }

        int end() {
            return token.end();
        }
    }
}
