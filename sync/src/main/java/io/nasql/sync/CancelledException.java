package io.nasql.sync;

/** A statement's token was cancelled (Ctrl-C) before the next API call. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
