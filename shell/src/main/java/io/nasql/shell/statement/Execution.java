package io.nasql.shell.statement;

import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.output.PrinterOptions;
import io.nasql.shell.output.ResultPrinter;
import io.nasql.sync.CancelToken;
import java.io.Writer;

/**
 * What one statement runs with: its own cancellation token and where its results go. A handler
 * gets its long-lived collaborators through its constructor and this with each statement.
 *
 * @param cancel   Ctrl-C for this statement only, never reset
 * @param settings the session's settings, read when the printer is made
 * @param out      where results go
 * @param vertical one field per line for a table ({@code \G})
 */
public record Execution(CancelToken cancel, Settings settings, Writer out, boolean vertical) {

    /** A printer in the current output format, made when asked so that a {@code SET output} shows at once. */
    public ResultPrinter printer() {
        OutputFormat format = settings.format();
        PrinterOptions options = new PrinterOptions((Boolean) settings.get(Setting.COLOR), (Boolean) settings.get(Setting.CSV_CRLF));
        return (vertical && format == OutputFormat.TABLE ? OutputFormat.VERTICAL : format).printer(out, options);
    }
}
