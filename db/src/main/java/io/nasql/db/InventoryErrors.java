package io.nasql.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** What H2's errors on opening an inventory mean to the user, in one line with what to do and no password. */
final class InventoryErrors {
    private InventoryErrors() {
    }

    /** The one-line message for a failure to open an inventory; {@code dataFile} is null unless it is kept in a file. */
    static InventoryException explain(SQLException e, String displayName, Path dataFile) {
        if (isIoError(e) && dataFile != null && !Files.exists(dataFile)) {
            return new InventoryException("cannot create inventory " + displayName + " (" + Secrets.mask(firstLine(e.getMessage()))
                    + "): choose a --db path in a folder you can write", e);
        }
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new InventoryException("inventory " + displayName
                    + " is locked by another program that opened it without AUTO_SERVER: close that program, or use another --db", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.GENERAL_ERROR_1,
                 ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> new InventoryException("inventory " + displayName
                    + " is unreadable (" + Secrets.mask(firstLine(e.getMessage())) + "): check its permissions; if it is damaged,"
                    + " move it aside and run `nasql sync` to rebuild it", e);
            default -> new InventoryException("inventory " + displayName + ": " + Secrets.mask(firstLine(e.getMessage())), e);
        };
    }

    private static boolean isIoError(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2 || code == ErrorCode.FILE_CREATION_FAILED_1
                || code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.ERROR_OPENING_DATABASE_1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
