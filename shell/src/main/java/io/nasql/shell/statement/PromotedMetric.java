package io.nasql.shell.statement;

import io.nasql.shell.statement.SummaryRouting.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId')} (or {@code .goal})
 * read from the column sync keeps with the same value, {@code metricId} (or {@code goal}), so that
 * grouping jobs by their metric reads no document (18 s instead of under 1 s at 500,000 jobs).
 * Only where that is provably the same: a single SELECT (no subquery, CTE, set operation or join)
 * over nas_jobs alone, so the column can only resolve to that one table; a call in the select
 * list only in an item with {@code AS} its own label, as the column would otherwise name it.
 */
final class PromotedMetric {
    private static final Map<String, String> COLUMNS = Map.of(
            "$.multiTrialAlgorithmSpec.metric.metricId", "metricId",
            "$.multiTrialAlgorithmSpec.metric.goal", "goal");
    /** Words that end a select list, or start a clause after it. */
    private static final Set<String> CLAUSES = Set.of("from", "where", "group", "by", "order", "having", "qualify", "window");

    /** One call to replace: tokens {@code first..last}, by {@code column}. */
    record Call(int first, int last, String column) {
    }

    private PromotedMetric() {
    }

    /**
     * Every {@code json_value} of nasJobSpec at a promoted path, when all of them can be replaced;
     * else none (and the statement, naming nasJobSpec, runs as written). {@code names} are the
     * names nas_jobs goes by; {@code alone}, whether it is the one table referenced, with no other after a comma.
     */
    static List<Call> calls(List<Token> tokens, Set<String> names, boolean alone) {
        List<Call> calls = new ArrayList<>();
        if (!alone) {
            return calls;
        }
        int selects = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (keyword(t, "select")) {
                selects++;
            }
            if (keyword(t, "join") || keyword(t, "with")) {
                return List.of();
            }
            Call call = call(tokens, i, names);
            if (call != null) {
                calls.add(call);
                i = call.last();
            }
        }
        if (selects != 1 || calls.stream().anyMatch(c -> !labelKept(tokens, c))) {
            return List.of();
        }
        return calls;
    }

    /** {@code json_value ( [q .] nasJobSpec , 'promoted path' )} starting at i, or null. */
    private static Call call(List<Token> tokens, int i, Set<String> names) {
        if (!tokens.get(i).is("json_value") || !symbol(tokens, i + 1, "(")) {
            return null;
        }
        int arg = i + 2;
        String qualifier = "";
        if (symbol(tokens, arg + 1, ".")) {
            if (arg >= tokens.size() || !tokens.get(arg).isWord() || !names.contains(tokens.get(arg).name())) {
                return null;
            }
            qualifier = tokens.get(arg).token().text() + ".";
            arg += 2;
        }
        if (arg + 3 >= tokens.size() || !tokens.get(arg).is("nasjobspec") || !symbol(tokens, arg + 1, ",")
                || tokens.get(arg + 2).token().kind() != SqlToken.Kind.STRING || !symbol(tokens, arg + 3, ")")) {
            return null;
        }
        String column = COLUMNS.get(tokens.get(arg + 2).token().stringValue());
        return column == null ? null : new Call(i, arg + 3, qualifier + column);
    }

    /**
     * A call outside the select list, or in an item that ends {@code AS alias}: the result's
     * column labels stay as they were. Items and clauses are told apart at the SELECT's depth.
     */
    private static boolean labelKept(List<Token> tokens, Call call) {
        int[] depth = new int[tokens.size()];
        int select = -1;
        for (int j = 0, d = 0; j < tokens.size(); j++) {
            d -= tokens.get(j).text().equals(")") ? 1 : 0;
            depth[j] = d;
            d += tokens.get(j).text().equals("(") ? 1 : 0;
            select = keyword(tokens.get(j), "select") ? j : select;
        }
        int top = depth[select];
        for (int j = call.first() - 1; j >= 0; j--) {
            Token t = tokens.get(j);
            if (depth[j] != top) {
                continue;
            }
            if (keyword(t, CLAUSES)) {
                return true;
            }
            if (j == select) {
                break;
            }
        }
        for (int j = call.last() + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (depth[j] == top && (t.text().equals(",") || keyword(t, "from"))) {
                return j >= 2 && keyword(tokens.get(j - 2), "as") && tokens.get(j - 1).isWord();
            }
        }
        return false;
    }

    private static boolean keyword(Token t, String word) {
        return keyword(t, Set.of(word));
    }

    /** An unquoted word of the set: a quoted "from" is a name. */
    private static boolean keyword(Token t, Set<String> words) {
        return t.isWord() && !t.quoted() && words.contains(t.name());
    }

    private static boolean symbol(List<Token> tokens, int i, String symbol) {
        return i < tokens.size() && tokens.get(i).text().equals(symbol);
    }
}
