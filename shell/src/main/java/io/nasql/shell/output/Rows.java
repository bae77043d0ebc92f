package io.nasql.shell.output;

import java.util.List;

/**
 * A result read one row at a time, so that printers can stream it. Values are Strings (text,
 * JSON text, ISO-8601 times), Numbers or Booleans, or null.
 */
public interface Rows extends AutoCloseable {
    List<Column> columns();

    /** Moves to the next row; false when there is none. */
    boolean next() throws Exception;

    Object value(int column) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
