package io.nasql.shell.statement;

import io.nasql.db.ScopeKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a WHERE clause pins the key columns to, by {@code col = 'v'} or {@code col IN ('a', 'b')}.
 * Read-through and SYNC use it to know which scopes a statement is about.
 */
public final class ScopePins {
    private static final Pattern PIN = Pattern.compile(
            "\"?\\b(projectsId|locationsId|nasJobsId)\\b\"?\\s*(?:=\\s*'((?:[^']|'')*)'|IN\\s*\\(([^)]*)\\))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("'((?:[^']|'')*)'");

    private final Map<String, Set<String>> values;
    private final String rest;

    private ScopePins(Map<String, Set<String>> values, String rest) {
        this.values = values;
        this.rest = rest;
    }

    /** The pins of a statement's text (comments are ignored). */
    public static ScopePins of(String sql) {
        String text = Sql.stripComments(sql);
        Map<String, Set<String>> values = new LinkedHashMap<>();
        Matcher m = PIN.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            Set<String> set = values.computeIfAbsent(canonical(m.group(1)), k -> new LinkedHashSet<>());
            if (m.group(2) != null) {
                set.add(m.group(2).replace("''", "'"));
            } else {
                Matcher literal = LITERAL.matcher(m.group(3));
                while (literal.find()) {
                    set.add(literal.group(1).replace("''", "'"));
                }
            }
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return new ScopePins(values, rest.toString());
    }

    private static String canonical(String column) {
        return switch (column.toLowerCase()) {
            case "projectsid" -> "projectsId";
            case "locationsid" -> "locationsId";
            default -> "nasJobsId";
        };
    }

    public Set<String> values(String column) {
        return values.getOrDefault(column, Set.of());
    }

    /** Every pinned (project, location), or empty when either is not pinned. */
    public List<ScopeKey> scopes() {
        List<ScopeKey> scopes = new ArrayList<>();
        for (String project : values("projectsId")) {
            for (String location : values("locationsId")) {
                scopes.add(new ScopeKey(project, location));
            }
        }
        return scopes;
    }

    /**
     * True when the text is nothing but one equality on each key, joined by AND: it names one
     * job exactly, as the page's DELETE does.
     */
    public boolean isExactlyOneJob(String whereKeyword) {
        for (String key : List.of("projectsId", "locationsId", "nasJobsId")) {
            if (values(key).size() != 1) {
                return false;
            }
        }
        String leftover = rest.replaceFirst("(?is)^.*?\\b" + whereKeyword + "\\b", "")
                .replaceAll("(?i)\\bAND\\b", "").replaceAll("[\\s()]", "");
        return leftover.isEmpty() && !rest.contains(" IN ");
    }
}
