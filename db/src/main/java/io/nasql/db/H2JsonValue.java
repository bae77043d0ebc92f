package io.nasql.db;

import java.nio.charset.StandardCharsets;
import org.h2.value.ValueJson;

/**
 * A JSON text bound to H2 as the JSON value it already is. Bound as text, H2 parses and rewrites
 * every document in its normal form (compact, strings unescaped, numbers as BigDecimal prints
 * them): a sixth of a first sync's CPU went to reading back the JSON nasql had just printed
 * (issue 15). Text that is provably in that form already is handed over as those bytes, which is
 * exactly what H2 would have stored; anything else (whitespace, a unicode escape, an exponent, a negative
 * zero, a number BigDecimal would print otherwise) is left for H2 to normalize.
 */
final class H2JsonValue {
    private H2JsonValue() {
    }

    /** H2's JSON value of the text when it is in H2's normal form, else null. The text must be JSON. */
    static ValueJson ofNormal(String json) {
        return isNormal(json) ? ValueJson.getInternal(json.getBytes(StandardCharsets.UTF_8)) : null;
    }

    static boolean isNormal(String json) {
        int n = json.length();
        int i = 0;
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                // A string: kept as is but for a unicode escape (H2 writes one for = as a plain =) or a raw control character.
                for (i++; i < n && (c = json.charAt(i)) != '"'; i++) {
                    if (c == '\\') {
                        if (++i == n || "\"\\ntrbf".indexOf(json.charAt(i)) < 0) {
                            return false;
                        }
                    } else if (c < ' ') {
                        return false;
                    } else if (Character.isSurrogate(c)) { // a lone one: H2 refuses it, UTF-8 encoding would make it '?'
                        if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(json.charAt(i + 1))) {
                            return false;
                        }
                        i++;
                    }
                }
                i++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int end = numberEnd(json, i);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else if (c <= ' ') {
                return false;
            } else {
                i++;
            }
        }
        return true;
    }

    /**
     * The end of a number that BigDecimal prints back as written, or -1. That is a plain decimal without
     * exponent, not a negative zero, whose first significant digit is at most the sixth after the point.
     */
    private static int numberEnd(String json, int start) {
        int i = start;
        boolean negative = json.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        while (i < json.length() && isDigit(json.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && json.charAt(intStart) == '0')) {
            return -1;
        }
        boolean zeroInteger = json.charAt(intStart) == '0';
        int leadingZeros = 0;
        boolean significant = !zeroInteger;
        if (i < json.length() && json.charAt(i) == '.') {
            int fracStart = ++i;
            while (i < json.length() && isDigit(json.charAt(i))) {
                if (!significant && json.charAt(i) == '0') {
                    leadingZeros++;
                } else {
                    significant = true;
                }
                i++;
            }
            if (i == fracStart) {
                return -1;
            }
        }
        if (i < json.length() && (json.charAt(i) == 'e' || json.charAt(i) == 'E')) {
            return -1;
        }
        if (!significant) {
            // A zero: its sign is dropped, and 0.0000000 becomes 0E-7.
            return negative || leadingZeros > 6 ? -1 : i;
        }
        return leadingZeros > 5 ? -1 : i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
