package io.nasql.shell.statement;

import io.nasql.db.Backend;
import io.nasql.db.ScopeKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a WHERE clause pins the key columns to, by {@code col = 'v'} or {@code col IN ('a', 'b')},
 * read from the statement's tokens (so never from inside a literal or a comment).
 * Read-through and SYNC use it to know which scopes a statement is about.
 */
public final class ScopePins {
    private static final List<String> KEYS = List.of("projectsId", "locationsId", "nasJobsId");

    private final List<SqlToken> tokens;
    private final Map<String, Set<String>> values = new LinkedHashMap<>();

    private ScopePins(List<SqlToken> tokens) {
        this.tokens = tokens;
        for (int i = 0; i < tokens.size(); i++) {
            String key = key(i);
            if (key == null) {
                continue;
            }
            List<String> pinned = equality(i + 1);
            if (pinned == null) {
                pinned = inList(i + 1);
            }
            if (pinned != null) {
                values.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(pinned);
            }
        }
    }

    /** The pins of a statement's text, read as the inventory's database reads it. */
    public static ScopePins of(String sql, Backend dialect) {
        return of(sql, dialect, false);
    }

    /** As above; {@code backslashStrings} when the PostgreSQL session has standard_conforming_strings off. */
    public static ScopePins of(String sql, Backend dialect, boolean backslashStrings) {
        return new ScopePins(SqlTokenizer.significant(sql, dialect, backslashStrings));
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
     * True when what follows {@code whereKeyword} is nothing but one {@code key = 'v'} for each
     * key, joined by AND (parentheses allowed): it names one job exactly, as the page's DELETE does.
     */
    public boolean isExactlyOneJob(String whereKeyword) {
        for (String key : KEYS) {
            if (values(key).size() != 1) {
                return false;
            }
        }
        int where = 0;
        while (where < tokens.size() && !tokens.get(where).isWord(whereKeyword)) {
            where++;
        }
        Set<String> seen = new LinkedHashSet<>();
        int end = conjunction(where + 1, seen);
        if (end >= 0 && end < tokens.size() && tokens.get(end).isSymbol(";")) {
            end++;
        }
        return where < tokens.size() && end == tokens.size() && seen.containsAll(KEYS);
    }

    /** {@code term AND term ...}: the index after it, or -1. */
    private int conjunction(int i, Set<String> seen) {
        int at = term(i, seen);
        while (at >= 0 && at < tokens.size() && tokens.get(at).isWord("AND")) {
            at = term(at + 1, seen);
        }
        return at;
    }

    /** {@code ( conjunction )} or {@code key = 'v'}: the index after it, or -1. */
    private int term(int i, Set<String> seen) {
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            int at = conjunction(i + 1, seen);
            return at >= 0 && at < tokens.size() && tokens.get(at).isSymbol(")") ? at + 1 : -1;
        }
        String key = key(i);
        if (key == null || equality(i + 1) == null) {
            return -1;
        }
        seen.add(key);
        return i + 3;
    }

    /** The key column named at {@code i} (maybe qualified, maybe quoted), or null. */
    private String key(int i) {
        if (i >= tokens.size()) {
            return null;
        }
        SqlToken token = tokens.get(i);
        if (token.kind() != SqlToken.Kind.WORD && token.kind() != SqlToken.Kind.QUOTED_NAME) {
            return null;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            return null;
        }
        return KEYS.stream().filter(k -> k.equalsIgnoreCase(token.name())).findFirst().orElse(null);
    }

    /** {@code = 'v'} at {@code i}, ended by a keyword, a parenthesis or the end: its value, or null. */
    private List<String> equality(int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i).isSymbol("=") || tokens.get(i + 1).kind() != SqlToken.Kind.STRING) {
            return null;
        }
        if (i + 2 < tokens.size()) {
            SqlToken after = tokens.get(i + 2);
            if (after.kind() != SqlToken.Kind.WORD && !after.isSymbol(")") && !after.isSymbol(";")) {
                return null;
            }
        }
        return List.of(tokens.get(i + 1).stringValue());
    }

    /** {@code IN ('a', 'b')} at {@code i}: its values, or null. */
    private List<String> inList(int i) {
        if (i + 1 >= tokens.size() || !tokens.get(i).isWord("IN") || !tokens.get(i + 1).isSymbol("(")) {
            return null;
        }
        List<String> in = new ArrayList<>();
        for (int at = i + 2; at < tokens.size(); at += 2) {
            if (tokens.get(at).kind() != SqlToken.Kind.STRING || at + 1 >= tokens.size()) {
                return null;
            }
            in.add(tokens.get(at).stringValue());
            if (tokens.get(at + 1).isSymbol(")")) {
                return in;
            }
            if (!tokens.get(at + 1).isSymbol(",")) {
                return null;
            }
        }
        return null;
    }
}
