package io.nasql.db;

/**
 * Whether this process compacts an H2 inventory file when it closes it. H2 spends up to 200 ms
 * rewriting chunks at close; for a command that runs every few minutes and writes little (an
 * unchanged re-sync) that was a fifth of its CPU (issue 15), while the shell and queries, which
 * close far less often, keep compacting. It applies only when this process opens the file first;
 * a URL's own {@code MAX_COMPACT_TIME} wins.
 */
public final class CloseCompaction {
    /** H2 reads a database setting missing from the URL from the system property {@code h2.<setting in camelCase>}. */
    static final String PROPERTY = "h2.maxCompactTime";

    private CloseCompaction() {
    }

    /** Files this process opens from now on are closed without compacting. */
    public static void skip() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "0");
        }
    }
}
