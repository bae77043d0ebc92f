package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code filter} of ListNasJobs, as {@code ListNasJobsRequest}'s proto comment documents
 * it: {@code display_name} ({@code =}, {@code !=}, {@code :} with {@code *} wildcards),
 * {@code state} ({@code =}, {@code !=}), {@code create_time} (all six comparisons, RFC 3339),
 * {@code labels.key=value} and {@code labels.key:*}, joined by AND, OR, NOT and parentheses
 * (AIP-160; terms side by side mean AND). Anything else is INVALID_ARGUMENT naming it.
 */
final class ListFilter {
    private static final Set<String> EQUALITY = Set.of("=", "!=");
    private static final Set<String> ORDER = Set.of("=", "!=", "<", "<=", ">", ">=");

    private final String text;
    private int i;

    private ListFilter(String text) {
        this.text = text;
    }

    /** The jobs a filter keeps; everything for an empty filter. */
    static Predicate<NasJob> parse(String filter) {
        if (filter.isBlank()) {
            return job -> true;
        }
        ListFilter parser = new ListFilter(filter);
        Predicate<NasJob> predicate = parser.or();
        parser.skipSpace();
        if (parser.i < filter.length()) {
            throw parser.error("unexpected '" + filter.substring(parser.i) + "'");
        }
        return predicate;
    }

    private Predicate<NasJob> or() {
        Predicate<NasJob> left = and();
        while (keyword("OR")) {
            left = left.or(and());
        }
        return left;
    }

    private Predicate<NasJob> and() {
        Predicate<NasJob> left = unary();
        while (true) {
            if (keyword("AND")) {
                left = left.and(unary());
            } else if (startsTerm()) {
                left = left.and(unary());
            } else {
                return left;
            }
        }
    }

    private Predicate<NasJob> unary() {
        skipSpace();
        if (keyword("NOT")) {
            return unary().negate();
        }
        if (peek('-')) {
            i++;
            return unary().negate();
        }
        if (peek('(')) {
            i++;
            Predicate<NasJob> inner = or();
            skipSpace();
            if (!peek(')')) {
                throw error("a ( is not closed");
            }
            i++;
            return inner;
        }
        return comparison();
    }

    private Predicate<NasJob> comparison() {
        String field = field();
        String op = operator(field);
        String value = value(field);
        if (field.equals("display_name")) {
            allow(field, op, Set.of("=", "!=", ":"));
            if (op.equals(":")) {
                Pattern glob = Pattern.compile(Pattern.quote(value).replace("*", "\\E.*\\Q"));
                return job -> glob.matcher(job.getDisplayName()).matches();
            }
            return equality(op, job -> job.getDisplayName().equals(value));
        }
        if (field.equals("state")) {
            allow(field, op, EQUALITY);
            JobState state;
            try {
                state = JobState.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw error("state \"" + value + "\" is not a JobState");
            }
            return equality(op, job -> job.getState() == state);
        }
        if (field.equals("create_time")) {
            allow(field, op, ORDER);
            Instant bound = timestamp(value);
            return job -> compare(op, instant(job.getCreateTime()).compareTo(bound));
        }
        if (field.startsWith("labels.") && field.length() > "labels.".length()) {
            String key = field.substring("labels.".length());
            allow(field, op, Set.of("=", "!=", ":"));
            if (op.equals(":")) {
                return value.equals("*") ? job -> job.getLabelsMap().containsKey(key) : job -> value.equals(job.getLabelsMap().get(key));
            }
            return equality(op, job -> value.equals(job.getLabelsMap().get(key)));
        }
        throw error("field '" + field + "' is not supported; ListNasJobs filters on display_name, state, create_time and labels.KEY");
    }

    private static Predicate<NasJob> equality(String op, Predicate<NasJob> equal) {
        return op.equals("=") ? equal : equal.negate();
    }

    private static boolean compare(String op, int sign) {
        return switch (op) {
            case "=" -> sign == 0;
            case "!=" -> sign != 0;
            case "<" -> sign < 0;
            case "<=" -> sign <= 0;
            case ">" -> sign > 0;
            default -> sign >= 0;
        };
    }

    private void allow(String field, String op, Set<String> ops) {
        if (!ops.contains(op)) {
            throw error("field '" + field + "' does not support '" + op + "'; it supports " + String.join(" ", ops.stream().sorted().toList()));
        }
    }

    private Instant timestamp(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw error("create_time \"" + value + "\" is not an RFC 3339 timestamp, like 2021-05-18T00:00:00Z");
        }
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private String field() {
        skipSpace();
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '.'
                || text.charAt(i) == '-')) {
            i++;
        }
        if (start == i) {
            throw error(i < text.length() ? "expected a field at '" + text.substring(i) + "'" : "the filter ends where a field should be");
        }
        return text.substring(start, i);
    }

    private String operator(String field) {
        skipSpace();
        for (String op : List.of("!=", "<=", ">=", "=", "<", ">", ":")) {
            if (text.startsWith(op, i)) {
                i += op.length();
                return op;
            }
        }
        throw error("expected a comparison after '" + field + "'");
    }

    /** A "quoted" value (backslash escapes) or a bare one up to white space or a parenthesis. */
    private String value(String field) {
        skipSpace();
        StringBuilder value = new StringBuilder();
        if (peek('"')) {
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                char c = text.charAt(i++);
                if (c == '\\' && i < text.length()) {
                    c = text.charAt(i++);
                }
                value.append(c);
            }
            if (i >= text.length()) {
                throw error("a \" is not closed");
            }
            i++;
            return value.toString();
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != ')') {
            value.append(text.charAt(i++));
        }
        if (value.isEmpty()) {
            throw error("'" + field + "' has no value to compare with");
        }
        return value.toString();
    }

    private boolean keyword(String word) {
        skipSpace();
        if (text.startsWith(word, i) && (i + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(i + word.length()))
                && text.charAt(i + word.length()) != '_')) {
            i += word.length();
            return true;
        }
        return false;
    }

    private boolean startsTerm() {
        skipSpace();
        if (i >= text.length() || peek(')')) {
            return false;
        }
        int saved = i;
        boolean or = keyword("OR");
        i = saved;
        return !or;
    }

    private boolean peek(char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private void skipSpace() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
    }

    private RuntimeException error(String what) {
        return ServiceError.INVALID_FILTER.of(text, what);
    }
}
