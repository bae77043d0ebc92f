package io.nasql.db;

import java.time.Duration;

/**
 * Whether this process compacts the H2 inventory files it opens: H2's background rewriting of
 * half-empty chunks (AUTO_COMPACT_FILL_RATE) and its compaction at close (MAX_COMPACT_TIME); a
 * URL's own settings win. None by default, because on a large file both cost every short process
 * CPU for work that reclaims nothing it made: a read-only report spent 1.3 s of its 3.3 s of CPU
 * rewriting chunks in the background, and compaction at close cost a query about 1.2 s (issue 14).
 * But a file that is never compacted grows with every sync that changes jobs (about 1 MB a sync of
 * 40 scopes), so {@code nasql sync} and interactive sessions, which write and live long, compact.
 * H2 rewrites only chunks fuller than its fill rate allows: its own 90% suits a long session; a
 * sync, which runs often and briefly, waits until the file is about twice its live data
 * ({@link #SPARSE}): compacting a fresh 4,000-job sync's file to 90% at close cost 0.9 s of its 10 s
 * of CPU (issue 15), for a file 20% smaller.
 */
public final class FileCompaction {
    /** What a compacting process allows at close: enough to keep a file level, little against a sync's CPU. */
    public static final Duration AT_CLOSE = Duration.ofMillis(50);
    /** H2's own fill rate, in percent, below which it rewrites chunks: the file kept close to its live data. */
    public static final int LEVEL = 90;
    /** A fill rate for short runs that write often: compaction only once half the file is garbage. */
    public static final int SPARSE = 50;

    private static volatile Duration atClose = Duration.ZERO;
    private static volatile int fillRate = 0;

    private FileCompaction() {
    }

    /**
     * Files this process opens from now on are compacted in the background, and for up to {@code atClose} when
     * closed, whenever their chunks are less than {@code belowFillRate} percent full.
     */
    public static void allow(Duration budgetAtClose, int belowFillRate) {
        if (belowFillRate < 1 || belowFillRate > 100) {
            throw new IllegalArgumentException("fill rate " + belowFillRate + " is not a percentage from 1 to 100");
        }
        atClose = budgetAtClose;
        fillRate = budgetAtClose.isZero() ? 0 : belowFillRate;
    }

    /** Files this process opens from now on are not compacted (the default). */
    public static void forbid() {
        atClose = Duration.ZERO;
        fillRate = 0;
    }

    static long closeMillis() {
        return atClose.toMillis();
    }

    /** H2's AUTO_COMPACT_FILL_RATE, which also gates compaction at close: the allowed rate, 0 (off) where not allowed. */
    static int backgroundFillRate() {
        return fillRate;
    }
}
