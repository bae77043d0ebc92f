package io.nasql.shell.output;

import java.io.Writer;
import java.util.Locale;

/** How results are printed ({@code -o}, {@code .output}). */
public enum OutputFormat {
    TABLE, JSON, JSONL, CSV, TEXT, VERTICAL;

    public ResultPrinter printer(Writer out) {
        return printer(out, PrinterOptions.PLAIN);
    }

    /** The one place a format picks its printer. */
    public ResultPrinter printer(Writer out, PrinterOptions options) {
        return switch (this) {
            case TABLE -> new TablePrinter(out);
            case JSON -> new JsonPrinter(out);
            case JSONL -> new JsonLinesPrinter(out);
            case CSV -> SeparatedPrinter.csv(out, options.csvCrlf());
            case TEXT -> SeparatedPrinter.text(out);
            case VERTICAL -> new VerticalPrinter(out, options.color());
        };
    }

    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + name + "': use " + names(", "));
        }
    }

    /** Every format's name, joined: what help texts and errors list. */
    public static String names(String separator) {
        return String.join(separator, java.util.Arrays.stream(values()).map(OutputFormat::toString).toList());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
