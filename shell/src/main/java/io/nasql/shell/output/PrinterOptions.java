package io.nasql.shell.output;

/**
 * How a printer writes beyond its format.
 *
 * @param color   ANSI colour for a colour terminal (the vertical form highlights field names)
 * @param csvCrlf CSV lines end with CRLF (RFC 4180) instead of a newline
 */
public record PrinterOptions(boolean color, boolean csvCrlf) {
    public static final PrinterOptions PLAIN = new PrinterOptions(false, false);
}
