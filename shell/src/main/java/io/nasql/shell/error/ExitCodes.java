package io.nasql.shell.error;

/** The exit codes of DESIGN §4. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SYNC_FAILED_SCOPES = 3;
    /** Ctrl-C (SIGINT) or SIGTERM stopped a batch run: 128 + SIGINT, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
