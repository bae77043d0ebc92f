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
 */
public final class FileCompaction {
    /** What a compacting process allows at close: enough to keep a file level, little against a sync's CPU. */
    public static final Duration AT_CLOSE = Duration.ofMillis(50);
    /** H2's own fill rate, in percent, below which it rewrites chunks: what a long session keeps. */
    public static final int LEVEL = 90;
    /**
     * {@code nasql sync}'s: H2 rewrites up to 16 MB at close whenever the chunks are less full than the rate, whatever
     * time it is given, and after a sync they mostly are at 90%: two unchanged re-syncs in three spent 0.9 s of their
     * 3.3 s of CPU on it (issue 15). At 80% only one in many does; a file rewritten again and again levels at 0.9 MB
     * instead of 0.56 MB (at 50% it was never compacted at all and grew as without compaction).
     */
    public static final int SYNC = 80;

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
