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
    /** H2's own background target fill rate, in percent. */
    private static final int H2_BACKGROUND_FILL_RATE = 90;

    private static volatile Duration atClose = Duration.ZERO;

    private FileCompaction() {
    }

    /** Files this process opens from now on are compacted in the background, and for up to {@code atClose} when closed. */
    public static void allow(Duration budgetAtClose) {
        atClose = budgetAtClose;
    }

    /** Files this process opens from now on are not compacted (the default). */
    public static void forbid() {
        atClose = Duration.ZERO;
    }

    static long closeMillis() {
        return atClose.toMillis();
    }

    /** H2's AUTO_COMPACT_FILL_RATE: its default where compaction is allowed, 0 (off) where not. */
    static int backgroundFillRate() {
        return atClose.isZero() ? 0 : H2_BACKGROUND_FILL_RATE;
    }
}
