package io.nasql.db;

import java.util.Locale;

/** The settings nasql gives an H2 inventory whose URL does not choose them itself. */
final class H2UrlSettings {
    /** H2's trace file would be made with the default umask and, when it cannot be made, H2 prints its own stack trace. */
    private static final String TRACE_LEVEL_FILE = "TRACE_LEVEL_FILE";
    /** H2's trace on stdout prints the URL's PASSWORD, and any password it generates, unmasked. */
    private static final String TRACE_LEVEL_SYSTEM_OUT = "TRACE_LEVEL_SYSTEM_OUT";
    /**
     * Pages written compressed (LZF), in a file: the JSON shrinks about fivefold, so the 500,000-job
     * benchmark file is about 0.5 GB instead of 1.6 GB (issue 14). Every open must say it, or H2
     * writes the pages it rewrites uncompressed again.
     */
    private static final String COMPRESS = "COMPRESS";
    /**
     * H2 compacts a file for up to 200 ms of wall time whenever its last connection closes; on a
     * 100,000-job file that cost every nasql run about 1.2 s of CPU (SELECT 1 took 1.9 s instead of
     * 0.65 s), rewriting chunks that the next run rewrote again (issue 14). So only what
     * {@link FileCompaction} allows (a sync's short budget; none for queries); SHUTDOWN COMPACT
     * shrinks a file on request.
     */
    private static final String MAX_COMPACT_TIME = "MAX_COMPACT_TIME";
    /** H2's background rewriting of half-empty chunks: as {@link FileCompaction} allows (off in short reading processes). */
    private static final String AUTO_COMPACT_FILL_RATE = "AUTO_COMPACT_FILL_RATE";

    private H2UrlSettings() {
    }

    /**
     * The URL with these settings added where it does not set them; all but TRACE_LEVEL_FILE only for a file.
     * A file's URL may not turn the trace file on: it would be readable by others and, where it cannot be made,
     * H2 would print its stack trace instead of nasql's one-line error.
     */
    static String withDefaults(String url, boolean file) {
        String upper = url.toUpperCase(Locale.ROOT);
        String traceLevel = setting(upper, TRACE_LEVEL_FILE);
        if (file && traceLevel != null && !traceLevel.equals("0")) {
            throw new InventoryException("the inventory URL sets " + TRACE_LEVEL_FILE + "=" + traceLevel
                    + ": nasql keeps H2's trace file off (it would be readable by others); remove the setting, and use --debug for details");
        }
        String systemOut = setting(upper, TRACE_LEVEL_SYSTEM_OUT);
        if (file && systemOut != null && !systemOut.equals("0")) {
            throw new InventoryException("the inventory URL sets " + TRACE_LEVEL_SYSTEM_OUT + "=" + systemOut
                    + ": nasql keeps H2's trace off (it prints the URL's password); remove the setting, and use --debug for details");
        }
        String init = setting(upper, "INIT");
        if (file && init != null && init.contains("TRACE_LEVEL")) {
            throw new InventoryException("the inventory URL's INIT sets a TRACE_LEVEL: nasql keeps H2's trace off (a trace file is"
                    + " readable by others, a trace on stdout prints the password); remove it, and use --debug for details");
        }
        StringBuilder out = new StringBuilder(url);
        if (traceLevel == null) {
            out.append(';').append(TRACE_LEVEL_FILE).append("=0");
        }
        if (file && !upper.contains(";" + COMPRESS + "=")) {
            out.append(';').append(COMPRESS).append("=TRUE");
        }
        if (file && !upper.contains(";" + MAX_COMPACT_TIME + "=")) {
            out.append(';').append(MAX_COMPACT_TIME).append('=').append(FileCompaction.closeMillis());
        }
        if (file && !upper.contains(";" + AUTO_COMPACT_FILL_RATE + "=")) {
            out.append(';').append(AUTO_COMPACT_FILL_RATE).append('=').append(FileCompaction.backgroundFillRate());
        }
        return out.toString();
    }

    /**
     * The value of {@code ;NAME=value} in an upper-cased URL, trimmed, or null when the URL does not set it.
     * A {@code \;} is part of the value, as H2 reads it (INIT's statements are separated so).
     */
    private static String setting(String upperUrl, String name) {
        String[] parts = upperUrl.split("(?<!\\\\);");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equals(name)) {
                return parts[i].substring(equals + 1).trim();
            }
        }
        return null;
    }
}
