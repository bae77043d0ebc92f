package io.nasql.shell.statement;

import io.nasql.db.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a read of {@code google.aiplatform.nas_jobs} that names neither large document against
 * {@code nas_job_summaries}, the narrow table under the view: the same rows and columns, without
 * the LEFT JOIN to {@code nas_job_documents} that H2 would otherwise make for every row (H2 keeps
 * an unused outer join; PostgreSQL drops it). Routing must never change a result, so anything this
 * cannot prove safe runs on the view as written: any {@code *} but COUNT(*) or a product, NATURAL,
 * {@code _ROWID_}, a reference other than {@code FROM|JOIN|, table [[AS] alias]} (a derived column
 * list, {@code TABLE}, a qualifier by the table's full name), or a use of the summaries' own
 * columns ({@code metricId}, {@code goal}) that could mean nas_jobs. A json_value of nasJobSpec at
 * the metric's id or goal is read from those columns where {@link PromotedMetric} proves it the
 * same. See {@link RoutedStatement}.
 */
public final class SummaryRouting {
    static final String SUMMARIES = "nas_job_summaries";
    private static final Set<String> DOCUMENTS = Set.of("nasjobspec", "nasjoboutput");
    private static final Set<String> SUMMARY_ONLY = Set.of("metricid", "goal");
    /** Words that may follow a table reference without being its alias. */
    private static final Set<String> AFTER_TABLE = Set.of("where", "group", "order", "having", "join", "left", "right", "inner",
            "outer", "full", "cross", "on", "using", "limit", "offset", "fetch", "union", "except", "minus", "intersect", "window",
            "qualify", "for", "use", "natural");
    /** Words around a {@code *} that make it a projection rather than a product. */
    private static final Set<String> NOT_OPERANDS = Set.of("select", "distinct", "all", "top", "percent", "ties", "with", "on",
            "from", "into", "as", "by", "and", "or", "not");

    private SummaryRouting() {
    }

    /** The SQL to run: the statement itself, or the same read over nas_job_summaries. */
    public static String route(String sql, Backend dialect) {
        List<Token> tokens = Token.scan(sql, dialect);
        if (tokens.isEmpty() || !(tokens.get(0).is("select") || tokens.get(0).is("with"))) {
            return sql;
        }
        List<Integer> tables = new ArrayList<>();
        List<Boolean> aliased = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>(Set.of("nas_jobs"));
        List<Integer> documents = new ArrayList<>();
        int lastEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() && (t.is("natural") || t.is("_rowid_"))) {
                return sql;
            }
            if (t.isWord() && DOCUMENTS.contains(t.name())) {
                documents.add(i);
                continue;
            }
            if (t.text().equals("*") && !isOperator(tokens, i)) {
                return sql;
            }
            int table = resourceEnd(tokens, i, dialect);
            if (table >= 0) {
                int end = referenceEnd(tokens, i, table);
                if (end < 0) {
                    return sql;
                }
                tables.add(table);
                aliased.add(end > table);
                names.add(tokens.get(end).name());
                lastEnd = end;
                i = end;
            }
        }
        if (tables.isEmpty() || usesSummaryOnlyColumn(tokens, names)) {
            return sql;
        }
        List<PromotedMetric.Call> calls = List.of();
        if (!documents.isEmpty()) {
            Token after = at(tokens, lastEnd + 1);
            calls = PromotedMetric.calls(tokens, names, tables.size() == 1 && (after == null || !after.text().equals(",")));
            for (int d : documents) {
                if (calls.stream().noneMatch(c -> c.first() < d && d < c.last())) {
                    return sql;
                }
            }
        }
        return rewrite(sql, tokens, tables, aliased, calls);
    }

    /** The statement with each reference to nas_jobs replaced by the summaries, and each promoted call by its column. */
    private static String rewrite(String sql, List<Token> tokens, List<Integer> tables, List<Boolean> aliased,
            List<PromotedMetric.Call> calls) {
        SqlEdits edits = new SqlEdits();
        for (int k = 0; k < tables.size(); k++) {
            edits.replaceTable(tokens.get(tables.get(k)), SUMMARIES, aliased.get(k));
        }
        for (PromotedMetric.Call c : calls) {
            edits.replace(tokens.get(c.first()).start(), tokens.get(c.last()).end(), c.column());
        }
        return edits.applyTo(sql);
    }

    /**
     * The index of the last token of a plain table reference to the resource ({@code FROM|JOIN|,
     * resource [[AS] alias]}, followed by nothing else of it), or -1 when it is anything else: a
     * qualifier ({@code nas_jobs.x}), {@code TABLE nas_jobs}, a derived column list, a sample.
     */
    private static int referenceEnd(List<Token> tokens, int start, int table) {
        Token before = start > 0 ? tokens.get(start - 1) : null;
        if (before == null || !(before.is("from") || before.is("join") || before.text().equals(","))) {
            return -1;
        }
        int end = table;
        Token next = at(tokens, table + 1);
        if (next != null && next.is("as")) {
            Token alias = at(tokens, table + 2);
            if (alias == null || !alias.isWord()) {
                return -1;
            }
            end = table + 2;
        } else if (next != null && (next.quoted() || next.isWord() && !AFTER_TABLE.contains(next.name()))) {
            end = table + 1;
        }
        Token after = at(tokens, end + 1);
        boolean closes = after == null || after.text().equals(")") || after.text().equals(",") || after.text().equals(";")
                || after.isWord() && !after.quoted() && AFTER_TABLE.contains(after.name());
        return closes ? end : -1;
    }

    private static Token at(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    /**
     * The index of {@code nas_jobs} in {@code [google.]aiplatform.nas_jobs} starting at i, or -1. A quoted part
     * matches in any case on H2 (a quoted schema in another case fails there either way, routed or not), exactly
     * on PostgreSQL, where {@code "NAS_JOBS"} is another table.
     */
    static int resourceEnd(List<Token> tokens, int i, Backend dialect) {
        int j = i;
        if (at(tokens, j, "google", dialect) && at(tokens, j + 1, ".", dialect) && at(tokens, j + 2, "aiplatform", dialect)) {
            j += 2;
        }
        if (at(tokens, j, "aiplatform", dialect) && at(tokens, j + 1, ".", dialect) && at(tokens, j + 2, "nas_jobs", dialect)
                && !(i > 0 && tokens.get(i - 1).text().equals("."))) {
            return j + 2;
        }
        return -1;
    }

    private static boolean at(List<Token> tokens, int i, String word, Backend dialect) {
        if (i >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(i);
        return word.equals(".") ? t.text().equals(".") : t.is(word) && (!t.quoted() || dialect != Backend.POSTGRESQL
                || t.token().name().equals(word));
    }

    /**
     * {@code *} in COUNT(*) or as a product between two operands. Anything else ({@code SELECT *},
     * {@code j.*}, {@code TOP (1) *}, {@code DISTINCT ON (x) *}, ...) may mean every column: not routed.
     */
    private static boolean isOperator(List<Token> tokens, int i) {
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = at(tokens, i + 1);
        if (before == null || after == null) {
            return false;
        }
        if (before.text().equals("(") && after.text().equals(")")) {
            return i >= 2 && tokens.get(i - 2).is("count");
        }
        return isOperand(before, true) && isOperand(after, false);
    }

    private static boolean isOperand(Token t, boolean left) {
        if (t.token().kind() == SqlToken.Kind.NUMBER || t.token().kind() == SqlToken.Kind.STRING || t.quoted()) {
            return true;
        }
        if (t.isWord()) {
            return !NOT_OPERANDS.contains(t.name()) && !AFTER_TABLE.contains(t.name());
        }
        return t.text().equals(left ? ")" : "(");
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
        static List<Token> scan(String sql, Backend dialect) {
            return SqlTokenizer.significant(sql, dialect).stream().map(Token::new).toList();
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
