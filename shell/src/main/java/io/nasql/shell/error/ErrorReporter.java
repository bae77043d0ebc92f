package io.nasql.shell.error;

import io.nasql.db.InventoryException;
import io.nasql.db.Secrets;
import io.nasql.shell.statement.StatementException;
import io.nasql.sync.ApiCallException;
import io.nasql.sync.CredentialsException;
import java.io.PrintWriter;

/**
 * The one place errors become a line on stderr and an exit code; a stack trace only with --debug.
 * Both go through {@link Secrets}, so a password in a --db URL or a token never reaches the screen.
 */
public final class ErrorReporter {
    private final PrintWriter err;
    private final boolean debug;
    private final boolean color;

    public ErrorReporter(PrintWriter err, boolean debug, boolean color) {
        this.err = err;
        this.debug = debug;
        this.color = color;
    }

    /** Prints the error and returns the exit code it means. */
    public int report(Throwable e) {
        err.println(paint("error: " + message(e)));
        if (debug) {
            err.print(Secrets.stackTrace(e));
        }
        err.flush();
        return e instanceof UsageException || e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }

    /** The one-line text of an error, as the REPL shows it too. */
    public static String message(Throwable e) {
        return Secrets.mask(unmasked(e));
    }

    private static String unmasked(Throwable e) {
        if (e instanceof StatementException s) {
            return s.position() == null ? s.getMessage() : s.position() + ": " + s.getMessage();
        }
        if (e instanceof ApiCallException api) {
            return api.toString();
        }
        if (e instanceof InventoryException || e instanceof CredentialsException || e instanceof UsageException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private String paint(String line) {
        return color ? "\u001b[31m" + line + "\u001b[0m" : line;
    }
}
