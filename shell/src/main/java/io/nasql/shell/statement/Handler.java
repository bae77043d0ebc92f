package io.nasql.shell.statement;

/** Runs one kind of statement; its collaborators come through its constructor. */
@FunctionalInterface
public interface Handler {
    void run(Statement statement, Execution execution) throws Exception;
}
