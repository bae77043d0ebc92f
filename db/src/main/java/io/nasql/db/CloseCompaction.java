package io.nasql.db;

import java.time.Duration;

/**
 * How long this process may compact an H2 inventory file when it closes it (H2's MAX_COMPACT_TIME;
 * a URL's own setting wins). None by default: on a large file every query paid about 1.2 s of CPU
 * for it (issue 14), and a process that only reads leaves nothing to reclaim. But a file that is
 * never compacted grows with every sync that changes jobs (about 1 MB a sync of 40 scopes), so
 * {@code nasql sync} allows itself a short budget, which keeps the file level.
 */
public final class CloseCompaction {
    /** What {@code nasql sync} allows: enough to keep a file level, little against a sync's CPU. */
    public static final Duration AFTER_SYNC = Duration.ofMillis(50);

    private static volatile Duration allowed = Duration.ZERO;

    private CloseCompaction() {
    }

    /** Files this process opens from now on are compacted for up to {@code budget} when closed. */
    public static void allow(Duration budget) {
        allowed = budget;
    }

    static long millis() {
        return allowed.toMillis();
    }
}
