package io.nasql.shell.output;

import java.io.IOException;

/** Prints results in one format to the Writer it was made with, streaming row by row. */
public interface ResultPrinter {
    /** Prints a whole result and returns how many rows it had. */
    long print(Rows rows) throws Exception;

    /**
     * A statement's outcome without a result, e.g. {@code OK, 3 rows affected}. Only the
     * table format shows it: the machine formats keep their output to results.
     */
    default void printStatus(String message) throws IOException {
    }
}
