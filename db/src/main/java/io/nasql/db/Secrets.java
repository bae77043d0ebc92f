package io.nasql.db;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that nasql shows, logs or stores: passwords in JDBC URLs (H2's
 * {@code ;PASSWORD=}, PostgreSQL's {@code password=} parameter and {@code user:password@host}),
 * private keys, and OAuth or JWT tokens. Every renderer of URLs and error text goes through it.
 */
public final class Secrets {
    public static final String MASK = "***";
    /** Shorter remembered secrets would mask ordinary words; patterns still cover them in URLs. */
    private static final int MIN_REMEMBERED = 6;

    /** {@code "private_key": "..."}, {@code "access_token":"..."}: JSON fields whose value is a secret. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"[\\w.-]*(?:password|passwd|secret|token|private_key\\w*)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    /**
     * {@code ;PASSWORD=x}, {@code ?password=x&}, {@code client_secret: x}: a key that names a secret, then its value up
     * to the next {@code ;} or {@code &} (H2 and URL parameters end there) or the line's end, so a value with spaces,
     * commas or brackets is hidden whole. A key inside a path ({@code /x/google.password:}) is a file name, not a key;
     * a value that is already exactly the mask is left as it is, so masking twice changes nothing.
     */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)((?<![\\w./\\\\-])(?:[\\w-]*(?:password|passwd|pwd|secret|token|private_key)\\s*:"
                    + "|[\\w.-]*(?:password|passwd|pwd|secret|token|private_key)\\s*=)\\s*)"
                    + "(?!\\*\\*\\*(?:[;&\\s)\\]},'\"]|$))[^;&\\r\\n]+");
    /** {@code scheme://user:password@host}; the password may hold anything but {@code @} and whitespace. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@\\s]+(@)");
    private static final Pattern PEM_KEY = Pattern.compile(
            "(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bBearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** Google access tokens and JWTs, wherever they appear. */
    private static final Pattern TOKEN = Pattern.compile("\\bya29\\.[A-Za-z0-9._-]+|\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** H2's {@code ;PASSWORD=} setting: its value runs to the next {@code ;} or the URL's end. */
    private static final Pattern H2_PASSWORD = Pattern.compile("(?i);\\s*PASSWORD\\s*=([^;]*)");

    /** Secrets this process knows verbatim (an inventory's password): hidden wherever they appear, whatever surrounds them. */
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** The text with every secret it holds replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : REMEMBERED) {
            masked = masked.replace(secret, MASK);
        }
        masked = replace(PEM_KEY, masked, "$1" + MASK + "$2");
        masked = replace(JSON_FIELD, masked, "$1" + MASK + "$2");
        masked = replace(KEY_VALUE, masked, "$1" + MASK);
        masked = replace(USER_INFO, masked, "$1" + MASK + "$2");
        masked = replace(BEARER, masked, "$1" + MASK);
        return replace(TOKEN, masked, MASK);
    }

    /** Hides this secret verbatim in everything masked from now on (too short a one is left to the patterns). */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= MIN_REMEMBERED && !secret.contains(MASK)) {
            REMEMBERED.add(secret);
            REMEMBERED.add(secret.strip());
        }
    }

    /** Remembers the password an H2 URL carries ({@code ;PASSWORD=...} up to the next {@code ;}). */
    public static void rememberUrlPassword(String jdbcUrl) {
        Matcher m = H2_PASSWORD.matcher(jdbcUrl);
        while (m.find()) {
            remember(m.group(1));
        }
    }

    /** A stack trace as {@code --debug} prints it, with its messages masked. */
    public static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return mask(trace.toString());
    }

    private static String replace(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
