package io.nasql.db;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that nasql shows, logs or stores: passwords in JDBC URLs (H2's
 * {@code ;PASSWORD=}, PostgreSQL's {@code password=} parameter and {@code user:password@host}),
 * private keys, and OAuth or JWT tokens. Every renderer of URLs and error text goes through it.
 */
public final class Secrets {
    public static final String MASK = "***";

    /** {@code "private_key": "..."}, {@code "access_token":"..."}: JSON fields whose value is a secret. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"[\\w.-]*(?:password|passwd|secret|token|private_key\\w*)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");
    /** {@code PASSWORD=x;}, {@code ?password=x&}, {@code client_secret: x}: a key that names a secret, then its value. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b[\\w.-]*(?:password|passwd|pwd|secret|token|private_key)\\s*[=:]\\s*)(?!\\*\\*\\*)[^;&\\s\"',)}\\]]+");
    /** {@code scheme://user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]*:)[^@/\\s]+(@)");
    private static final Pattern PEM_KEY = Pattern.compile(
            "(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bBearer\\s+)[A-Za-z0-9._~+/=-]+");
    /** Google access tokens and JWTs, wherever they appear. */
    private static final Pattern TOKEN = Pattern.compile("\\bya29\\.[A-Za-z0-9._-]+|\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private Secrets() {
    }

    /** The text with every secret it holds replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(PEM_KEY, text, "$1" + MASK + "$2");
        masked = replace(JSON_FIELD, masked, "$1" + MASK + "$2");
        masked = replace(KEY_VALUE, masked, "$1" + MASK);
        masked = replace(USER_INFO, masked, "$1" + MASK + "$2");
        masked = replace(BEARER, masked, "$1" + MASK);
        return replace(TOKEN, masked, MASK);
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
