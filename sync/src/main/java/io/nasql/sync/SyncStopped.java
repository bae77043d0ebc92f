package io.nasql.sync;

/** A stop seen while fetching inside the scope's transaction; unchecked, so that it rolls the transaction back. */
final class SyncStopped extends RuntimeException {
    SyncStopped() {
        super("sync interrupted", null, false, false);
    }
}

