package io.nasql.shell;

import io.nasql.db.Secrets;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Formats library log lines (--verbose, --debug) as before, with their secrets masked. */
final class MaskingLogFormatter extends Formatter {
    private final Formatter formatter;

    MaskingLogFormatter(Formatter formatter) {
        this.formatter = formatter instanceof MaskingLogFormatter masking ? masking.formatter
                : formatter == null ? new java.util.logging.SimpleFormatter() : formatter;
    }

    @Override
    public String format(LogRecord record) {
        return Secrets.mask(formatter.format(record));
    }
}
