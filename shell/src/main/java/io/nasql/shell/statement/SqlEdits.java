package io.nasql.shell.statement;

import io.nasql.shell.statement.SummaryRouting.Token;
import java.util.Map;
import java.util.TreeMap;

/** Replacements of spans of a statement's text, applied together: how the routers rewrite a read. */
final class SqlEdits {
    /** Each span's start, and its end and replacement. */
    private final TreeMap<Integer, Map.Entry<Integer, String>> spans = new TreeMap<>();

    /** Replaces the text from {@code start} to {@code end} (exclusive). */
    void replace(int start, int end, String text) {
        spans.put(start, Map.entry(end, text));
    }

    /**
     * Replaces the table token {@code nas_jobs} with {@code table}, quoted as the token was; unaliased, it keeps the
     * name nas_jobs as its alias, so that columns qualified as {@code nas_jobs.x} still resolve.
     */
    void replaceTable(Token nasJobs, String table, boolean aliased) {
        replace(nasJobs.start(), nasJobs.end(), named(nasJobs, table) + alias(aliased));
    }

    /**
     * Replaces the whole reference to nas_jobs, from its first token, with {@code SELECT columns FROM table GROUP BY
     * groups} over {@code table} in the schema the reference named, under the reference's alias or nas_jobs.
     */
    void replaceTable(String sql, Token first, Token nasJobs, String table, String columns, String groups, boolean aliased) {
        String from = sql.substring(first.start(), nasJobs.start()) + named(nasJobs, table);
        replace(first.start(), nasJobs.end(), "(SELECT " + columns + " FROM " + from + " GROUP BY " + groups + ")" + alias(aliased));
    }

    /** {@code table}, quoted as the token nas_jobs was. */
    private static String named(Token nasJobs, String table) {
        return nasJobs.quoted() ? '"' + table + '"' : table;
    }

    /** Unaliased, the replacement keeps the name nas_jobs. */
    private static String alias(boolean aliased) {
        return aliased ? "" : " AS nas_jobs";
    }

    String applyTo(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int from = 0;
        for (var span : spans.entrySet()) {
            out.append(sql, from, span.getKey()).append(span.getValue().getValue());
            from = span.getValue().getKey();
        }
        return out.append(sql.substring(from)).toString();
    }
}
