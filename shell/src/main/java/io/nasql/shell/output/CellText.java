package io.nasql.shell.output;

import org.jline.utils.WCWidth;

/**
 * Text bound for a terminal cell: control characters shown escaped, never sent (an ESC from an API
 * string must not move the cursor or recolour the screen), and widths in terminal columns.
 */
final class CellText {
    private CellText() {
    }

    /** Tab, CR and LF as {@code \t \r \n}; other C0 and C1 controls and DEL as {@code \xHH}, format characters and
     * separators as a backslash, u and four hex digits; a backslash stays as it is. */
    static String escapeControls(String text) {
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isControl(c)) {
                        out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Controls (Cc), format characters (Cf: right-to-left overrides, zero-width and invisible marks) and the
     * line and paragraph separators (Zl, Zp): each can hide or reorder what a cell shows, or break its line.
     */
    private static boolean isControl(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Terminal columns: wide (East Asian, emoji) characters count two, combining marks none. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return width;
    }
}
