package io.nasql.db;

import io.nasql.db.PostgresIdentifiers.Lexeme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a statement's outermost select list gives its columns, column by column: the first
 * SELECT outside parentheses (a WITH's own queries are inside them), its items split at the commas
 * outside parentheses, up to the word that ends the list. Only these name the result's columns; an
 * alias in a subquery or a type ({@code CAST(x AS Date)}) does not.
 */
final class SelectListNames {
    /** Words that end a select list. */
    private static final Set<String> ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW", "UNION", "INTERSECT",
            "EXCEPT", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR");

    private final String sql;
    private final List<Lexeme> tokens;

    private SelectListNames(String sql, List<Lexeme> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    static List<String> of(String sql, List<Lexeme> tokens) {
        return new SelectListNames(sql, tokens).names();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        int i = outerSelect();
        if (i < 0) {
            return names;
        }
        i++;
        if (isWord(i, "DISTINCT") && isWord(i + 1, "ON") && isSymbol(i + 2, "(")) {
            i = closing(i + 2) + 1;
        } else if (isWord(i, "DISTINCT") || isWord(i, "ALL")) {
            i++;
        }
        int item = i;
        int depth = 0;
        for (; i < tokens.size(); i++) {
            if (isSymbol(i, "(")) {
                depth++;
            } else if (isSymbol(i, ")") && --depth < 0) {
                break;
            } else if (depth == 0 && (isSymbol(i, ";") || tokens.get(i).kind() == Lexeme.Kind.WORD && ENDS.contains(upper(i)))) {
                break;
            } else if (depth == 0 && isSymbol(i, ",")) {
                if (isSymbol(i - 1, "*")) {
                    return names;
                }
                names.add(name(item, i));
                item = i + 1;
            }
        }
        if (i > item && !isSymbol(i - 1, "*")) {
            names.add(name(item, i));
        }
        return names;
    }

    /** The first SELECT outside parentheses, or -1. */
    private int outerSelect() {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (isSymbol(i, "(")) {
                depth++;
            } else if (isSymbol(i, ")")) {
                depth--;
            } else if (depth == 0 && isWord(i, "SELECT")) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (isSymbol(i, "(")) {
                depth++;
            } else if (isSymbol(i, ")") && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /**
     * The unquoted name of the item [from, to): the alias ending it (after AS, or right after an
     * operand as in {@code count(*) n}), or the column of a bare reference ({@code name}, {@code s.name}); else null.
     */
    private String name(int from, int to) {
        int last = to - 1;
        if (last < from || tokens.get(last).kind() != Lexeme.Kind.WORD) {
            return null;
        }
        if (last == from || last == from + 2 && isSymbol(from + 1, ".") && tokens.get(from).kind() != Lexeme.Kind.SYMBOL) {
            return tokens.get(last).text(sql);
        }
        Lexeme before = tokens.get(last - 1);
        boolean operand = before.kind() != Lexeme.Kind.SYMBOL || isSymbol(last - 1, ")");
        return isWord(last - 1, "AS") || operand ? tokens.get(last).text(sql) : null;
    }

    private boolean isWord(int i, String word) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Lexeme.Kind.WORD && upper(i).equals(word);
    }

    private boolean isSymbol(int i, String symbol) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Lexeme.Kind.SYMBOL && tokens.get(i).text(sql).equals(symbol);
    }

    private String upper(int i) {
        return tokens.get(i).text(sql).toUpperCase(Locale.ROOT);
    }
}
