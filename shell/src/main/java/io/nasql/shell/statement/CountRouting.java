package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.shell.statement.SummaryRouting.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers a count of {@code google.aiplatform.nas_jobs} by project, location and state from {@code nas_job_counts}
 * (a row per scope and state; GROUP BY state read 500,000 index entries, 0.5 s), and one by project, location and a
 * label ({@code json_value(labels, '$.team')}) from {@code nas_job_label_counts} (a row per scope and label set;
 * json_value ran once per job, 0.84 s). Each COUNT(*) becomes the sum of those rows' jobs, under the label the
 * database gives COUNT(*), so the result is the same table. Only what this can read whole is routed: one reference
 * to the resource; those columns alone, the label at a path below {@code $} (in the select list, WHERE, GROUP BY,
 * HAVING and ORDER BY); COUNT(*) as the only aggregate; comparisons, IN, LIKE, BETWEEN, IS NULL, AND, OR, NOT with
 * literals; ORDER BY an output name or position; LIMIT, OFFSET, FETCH. Without GROUP BY every column must be a
 * COUNT(*), since a row per job is not a row per count. Anything else (another function, a subquery, DISTINCT, a
 * window, another table) is left to {@link SummaryRouting}.
 */
public final class CountRouting {
    static final String COUNTS = "nas_job_counts";
    static final String LABEL_COUNTS = "nas_job_label_counts";
    private static final Set<String> COLUMNS = Set.of("projectsid", "locationsid", "state");
    private static final Set<String> CONDITION_WORDS = Set.of("and", "or", "not", "in", "is", "null", "like", "ilike", "escape",
            "between", "true", "false", "unknown");
    private static final Set<String> CONDITION_SYMBOLS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "(", ")", ",", "||", "-", "+");
    private static final Set<String> CLAUSES = Set.of("where", "group", "having", "order", "limit", "offset", "fetch");
    private static final Set<String> ORDER_WORDS = Set.of("asc", "desc", "nulls", "first", "last");
    private static final Set<String> TAIL_WORDS = Set.of("limit", "offset", "fetch", "first", "next", "row", "rows", "only");

    private final List<Token> tokens;
    private final Backend dialect;
    private int at;
    /** Token index of each COUNT, and whether it is a select item without a name of its own. */
    private final List<int[]> counts = new ArrayList<>();
    private final List<Integer> qualifiers = new ArrayList<>();
    private final Set<String> outputNames = new HashSet<>();
    private boolean onlyCounts = true;
    /** Whether the statement names the state, a project or location, and a label: nas_job_label_counts has no state. */
    private boolean stated;
    private boolean scoped;
    private boolean labelled;
    /** The first token of the resource's name in the FROM clause, the token of nas_jobs, and its alias, if any. */
    private int tableStart = -1;
    private int table = -1;
    private Token alias;

    private CountRouting(List<Token> tokens, Backend dialect) {
        this.tokens = tokens;
        this.dialect = dialect;
    }

    /** The statement over nas_job_counts, or the statement itself when it is not a count this can answer there. */
    public static String route(String sql, Backend dialect) {
        List<Token> tokens = Token.scan(sql, dialect);
        CountRouting parse = new CountRouting(tokens, dialect);
        return parse.read() ? parse.rewrite(sql, dialect) : sql;
    }

    private boolean read() {
        if (!word("select")) {
            return false;
        }
        do {
            if (!selectItem()) {
                return false;
            }
        } while (symbol(","));
        if (!word("from") || !resource()) {
            return false;
        }
        if (word("where") && !condition(false)) {
            return false;
        }
        boolean grouped = word("group");
        if (grouped && !(word("by") && keys())) {
            return false;
        }
        if (word("having") && !condition(true)) {
            return false;
        }
        if (word("order") && !(word("by") && orderItems())) {
            return false;
        }
        while (at < tokens.size() && (is(TAIL_WORDS) || kind(SqlToken.Kind.NUMBER))) {
            at++;
        }
        symbol(";");
        return at == tokens.size() && (grouped || onlyCounts) && !(stated && labelled) && qualifiersAreTheTable();
    }

    private boolean keys() {
        do {
            if (!key()) {
                return false;
            }
        } while (symbol(","));
        return true;
    }

    private boolean selectItem() {
        int start = at;
        if (countStar()) {
            boolean named = outputName();
            counts.add(new int[] {start, named ? 0 : 1});
            return true;
        }
        if (!key()) {
            return false;
        }
        onlyCounts = false;
        outputName();
        return true;
    }

    /** {@code [AS] name} after a select item; true when there was one. */
    private boolean outputName() {
        if (word("as")) {
            if (!kindWord()) {
                return false;
            }
            outputNames.add(identity(tokens.get(at++)));
            return true;
        }
        if (kindWord() && !is(Set.of("from"))) {
            outputNames.add(identity(tokens.get(at++)));
            return true;
        }
        return false;
    }

    private boolean resource() {
        int end = SummaryRouting.resourceEnd(tokens, at, dialect);
        if (end < 0) {
            return false;
        }
        tableStart = at;
        table = end;
        at = end + 1;
        if (word("as")) {
            if (!kindWord()) {
                return false;
            }
            alias = tokens.get(at++);
        } else if (kindWord() && !is(CLAUSES)) {
            alias = tokens.get(at++);
        }
        return true;
    }

    /** A WHERE or HAVING condition up to the next clause: the three columns, literals and plain operators. */
    private boolean condition(boolean counted) {
        int start = at;
        while (at < tokens.size() && !is(CLAUSES) && !symbolIs(";")) {
            int here = at;
            if (counted && countStar()) {
                counts.add(new int[] {here, 0});
            } else if (!key()) {
                if (!(kind(SqlToken.Kind.STRING) || kind(SqlToken.Kind.NUMBER) || is(CONDITION_WORDS)
                        || CONDITION_SYMBOLS.contains(tokens.get(at).text()))) {
                    return false;
                }
                at++;
            }
        }
        return at > start;
    }

    /** ORDER BY items: a column, an output name, a position or COUNT(*), each with ASC, DESC, NULLS FIRST or LAST. */
    private boolean orderItems() {
        do {
            int here = at;
            if (countStar()) {
                counts.add(new int[] {here, 0});
            } else if (!key()) {
                boolean outputName = kindWord() && outputNames.contains(identity(tokens.get(at)))
                        && !(at + 1 < tokens.size() && tokens.get(at + 1).text().equals("."));
                if (!outputName && !kind(SqlToken.Kind.NUMBER)) {
                    return false;
                }
                at++;
            }
            while (is(ORDER_WORDS)) {
                at++;
            }
        } while (symbol(","));
        return true;
    }

    /** A column, or {@code json_value(labels, '$.path')}, which is NULL alike for no labels and for '{}'; moves past it. */
    private boolean key() {
        int start = at;
        int qualified = qualifiers.size();
        if (word("json_value") && symbol("(") && column(Set.of("labels")) && symbol(",") && kind(SqlToken.Kind.STRING)) {
            String path = tokens.get(at++).token().text();
            if ((path.startsWith("'$.") || path.startsWith("'$[")) && symbol(")")) {
                labelled = true;
                return true;
            }
        }
        at = start;
        qualifiers.subList(qualified, qualifiers.size()).clear();
        if (column(COLUMNS)) {
            stated |= tokens.get(at - 1).is("state");
            scoped |= !tokens.get(at - 1).is("state");
            return true;
        }
        return false;
    }

    /** One of these columns, alone or after {@code qualifier.}; moves past it. */
    private boolean column(Set<String> names) {
        if (kindWord() && at + 1 < tokens.size() && tokens.get(at + 1).text().equals(".")) {
            if (at + 2 < tokens.size() && tokens.get(at + 2).isWord() && names.contains(tokens.get(at + 2).name())) {
                qualifiers.add(at);
                at += 3;
                return true;
            }
            return false;
        }
        if (kindWord() && names.contains(tokens.get(at).name())) {
            at++;
            return true;
        }
        return false;
    }

    /** {@code COUNT(*)}; moves past it. */
    private boolean countStar() {
        if (at + 3 < tokens.size() && tokens.get(at).is("count") && !tokens.get(at).quoted() && tokens.get(at + 1).text().equals("(")
                && tokens.get(at + 2).text().equals("*") && tokens.get(at + 3).text().equals(")")) {
            at += 4;
            return true;
        }
        return false;
    }

    /** A name as the database matches it: in any case on H2; on PostgreSQL a quoted one exactly, others folded to lower case. */
    private String identity(Token name) {
        if (dialect == Backend.POSTGRESQL && name.quoted()) {
            String exact = name.token().name();
            return exact.equals(exact.toLowerCase(java.util.Locale.ROOT)) ? exact : "\"" + exact;
        }
        return name.name();
    }

    /** Every {@code q.column} names the resource by its alias, or as nas_jobs when it has none. */
    private boolean qualifiersAreTheTable() {
        String name = alias == null ? "nas_jobs" : identity(alias);
        return qualifiers.stream().allMatch(q -> identity(tokens.get(q)).equals(name));
    }

    private String rewrite(String sql, Backend dialect) {
        String qualifier = alias == null ? "nas_jobs" : sql.substring(alias.start(), alias.end());
        String sum = "CAST(COALESCE(SUM(" + qualifier + ".\"jobs\"), 0) AS BIGINT)";
        // The label the database gives an unnamed COUNT(*).
        String label = dialect == Backend.POSTGRESQL ? " AS \"count\"" : " AS \"COUNT(*)\"";
        SqlEdits edits = new SqlEdits();
        if (labelled && !scoped) {
            // Added up by label set first, so that json_value runs once per label set rather than per scope's.
            edits.replaceTable(sql, tokens.get(tableStart), tokens.get(table), LABEL_COUNTS, "labels, SUM(jobs) AS jobs", "labels", alias != null);
        } else {
            edits.replaceTable(tokens.get(table), labelled ? LABEL_COUNTS : COUNTS, alias != null);
        }
        for (int[] count : counts) {
            edits.replace(tokens.get(count[0]).start(), tokens.get(count[0] + 3).end(), sum + (count[1] == 1 ? label : ""));
        }
        return edits.applyTo(sql);
    }

    private boolean word(String w) {
        boolean next = at < tokens.size() && tokens.get(at).is(w) && !tokens.get(at).quoted();
        at += next ? 1 : 0;
        return next;
    }

    private boolean symbol(String s) {
        boolean next = symbolIs(s);
        at += next ? 1 : 0;
        return next;
    }

    private boolean symbolIs(String s) {
        return at < tokens.size() && tokens.get(at).text().equals(s);
    }

    private boolean is(Set<String> words) {
        return at < tokens.size() && tokens.get(at).isWord() && !tokens.get(at).quoted() && words.contains(tokens.get(at).name());
    }

    private boolean kind(SqlToken.Kind kind) {
        return at < tokens.size() && tokens.get(at).token().kind() == kind;
    }

    private boolean kindWord() {
        return at < tokens.size() && tokens.get(at).isWord();
    }
}
