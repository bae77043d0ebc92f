package io.nasql.db;

/** The inventory cannot be opened or used; the message says what is wrong and what to do. */
public class InventoryException extends RuntimeException {
    public InventoryException(String message) {
        super(message);
    }

    public InventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
