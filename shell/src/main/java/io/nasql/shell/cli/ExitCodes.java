package io.nasql.shell.cli;

/** The exit codes of DESIGN §4. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int SYNC_FAILED_SCOPES = 3;

    private ExitCodes() {
    }
}
